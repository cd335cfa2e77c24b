// Median filter over two 8-bit channels: each output is max(min(a,b), min(max(a,b), c)),
// written with a Verilog function of min/max steps; the results are registered.
module med3_minmax (
    input  wire       clk,
    input  wire [7:0] a0, b0, c0, a1, b1, c1,
    output reg  [7:0] y0, y1
);
    function [7:0] med(input [7:0] p, input [7:0] q, input [7:0] r);
        reg [7:0] lo, hi, m;
        begin
            lo  = (p < q) ? p : q;
            hi  = (p > q) ? p : q;
            m   = (hi < r) ? hi : r;
            med = (lo > m) ? lo : m;
        end
    endfunction

    wire [7:0] m0 = med(a0, b0, c0);
    wire [7:0] m1 = med(a1, b1, c1);

    always @(posedge clk) begin
        y0 <= m0;
        y1 <= m1;
    end
endmodule
