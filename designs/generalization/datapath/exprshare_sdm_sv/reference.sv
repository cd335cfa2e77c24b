// First-order sigma-delta modulator (SystemVerilog): the integrator's next
// value depends on the sign of integ + x, compared against int 0.
module sdm1 #(
    parameter int W = 10
) (
    input  logic                clk,
    input  logic                rst,
    input  logic signed [W-1:0] x,
    output logic                bit_o
);
    localparam int FS = 1 << (W - 1);
    logic signed [W+1:0] integ;
    logic signed [W+1:0] nxt;
    logic                q;
    logic signed [W+2:0] s;   // integ + x once, exact

    always_comb begin
        s = integ + x;
        if (s >= 0) begin
            nxt = s - FS;
            q   = 1'b1;
        end else begin
            nxt = s + FS;
            q   = 1'b0;
        end
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            integ <= '0;
            bit_o <= 1'b0;
        end else begin
            integ <= nxt;
            bit_o <= q;
        end
    end
endmodule

module sdm_top (
    input  logic               clk,
    input  logic               rst,
    input  logic signed [11:0] x,
    output logic               bit_o
);
    sdm1 #(.W(12)) u_sdm (.clk(clk), .rst(rst), .x(x), .bit_o(bit_o));
endmodule
