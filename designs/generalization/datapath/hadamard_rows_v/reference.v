// Two-stage butterfly: pair sums and differences first (8 adders instead of 12).
module walsh4 (
    input  wire              clk,
    input  wire signed [9:0] s0, s1, s2, s3,
    output reg  signed [11:0] w0, w1, w2, w3
);
    wire signed [10:0] a = s0 + s1;
    wire signed [10:0] b = s0 - s1;
    wire signed [10:0] c = s2 + s3;
    wire signed [10:0] d = s2 - s3;
    always @(posedge clk) begin
        w0 <= a + c;
        w1 <= a - c;
        w2 <= b - d;
        w3 <= b + d;
    end
endmodule
