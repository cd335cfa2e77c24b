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
    logic          v1;
    logic [ZW-1:0] zf1, zb1;
    logic          le1;
    logic          pass;

    always_ff @(posedge clk) begin
        if (rst) begin
            v1  <= 1'b0;
            zf1 <= '0;
            zb1 <= '0;
            le1 <= 1'b0;
        end else begin
            v1  <= frag_valid;
            zf1 <= z_frag;
            zb1 <= z_buf;
            le1 <= less_equal;
        end
    end

    always_comb begin
        pass   = le1 ? (zf1 <= zb1) : (zf1 < zb1);
        zwrite = v1 & pass;
        kill   = v1 & ~pass;
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
