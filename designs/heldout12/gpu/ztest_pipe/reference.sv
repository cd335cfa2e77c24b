// Depth-test stage of a tile rasterizer: fragments arrive with their depth
// and the depth-buffer value; stage 1 registers both, stage 2 compares and
// produces the write enable, kill flag and the depth to write back.
module ztest #(
    parameter int ZW = 24
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          frag_valid,
    input  logic [ZW-1:0] z_frag,
    input  logic [ZW-1:0] z_buf,
    input  logic          less_equal,     // depth function: 1 = LEQUAL, 0 = LESS (static)
    output logic          zwrite,
    output logic          kill,
    output logic [ZW-1:0] z_out
);
    // compare before the register: only the pass bit crosses the stage
    // (the buffer depth and the depth-function flop are no longer needed)
    logic          v1;
    logic [ZW-1:0] zf1;
    logic          pass1;

    always_ff @(posedge clk) begin
        if (rst) begin
            v1    <= 1'b0;
            zf1   <= '0;
            pass1 <= 1'b0;
        end else begin
            v1    <= frag_valid;
            zf1   <= z_frag;
            pass1 <= less_equal ? (z_frag <= z_buf) : (z_frag < z_buf);
        end
    end

    always_comb begin
        zwrite = v1 & pass1;
        kill   = v1 & ~pass1;
        z_out  = zf1;
    end
endmodule

module raster_z (
    input  logic        clk,
    input  logic        rst,
    input  logic        frag_valid,
    input  logic [15:0] z_frag,
    input  logic [15:0] z_buf,
    input  logic        less_equal,
    output logic        zwrite,
    output logic        kill,
    output logic [15:0] z_out
);
    ztest #(.ZW(16)) u_z (.*);
endmodule
