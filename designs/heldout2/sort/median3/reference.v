// Three comparisons: med = max(min(a,b), min(max(a,b), c)).
module median3 (
    input  wire       clk,
    input  wire [7:0] a,
    input  wire [7:0] b,
    input  wire [7:0] c,
    output reg  [7:0] med
);
    wire       ab  = a < b;
    wire [7:0] lo  = ab ? a : b;
    wire [7:0] hi  = ab ? b : a;
    wire [7:0] m2  = (hi < c) ? hi : c;
    always @(posedge clk)
        med <= (lo < m2) ? m2 : lo;
endmodule
