// (a + b)(a - b): one 9x9 signed product instead of two squares.
module pdiff (
    input  wire              clk,
    input  wire signed [7:0] a,
    input  wire signed [7:0] b,
    output reg  signed [16:0] d
);
    wire signed [8:0] s = a + b;
    wire signed [8:0] t = a - b;
    wire signed [17:0] p = s * t;
    always @(posedge clk)
        d <= p[16:0];
endmodule
