// Median of three pixels: three comparisons, no adders.
module min3 (input wire [7:0] a, b, c, output wire [7:0] y);
    wire [7:0] ab = (a < b) ? a : b;
    assign y = (ab < c) ? ab : c;
endmodule

module max3 (input wire [7:0] a, b, c, output wire [7:0] y);
    wire [7:0] ab = (a > b) ? a : b;
    assign y = (ab > c) ? ab : c;
endmodule

module med3_sum (
    input  wire       clk,
    input  wire [7:0] p0, p1, p2,
    output reg  [7:0] med
);
    wire       c  = p0 < p1;
    wire [7:0] lo = c ? p0 : p1;
    wire [7:0] hi = c ? p1 : p0;
    wire [7:0] m2 = (hi < p2) ? hi : p2;
    always @(posedge clk)
        med <= (lo < m2) ? m2 : lo;
endmodule
