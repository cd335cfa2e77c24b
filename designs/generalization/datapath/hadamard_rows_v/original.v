// Walsh-ordered 4-point transform of a stereo-pair mid/side matrix: every coefficient written out
// as its own signed sum of the four samples, registered.
module walsh4 (
    input  wire              clk,
    input  wire signed [9:0] s0, s1, s2, s3,
    output reg  signed [11:0] w0, w1, w2, w3
);
    wire signed [11:0] t0 = s0 + s1 + s2 + s3;
    wire signed [11:0] t1 = s0 + s1 - s2 - s3;
    wire signed [11:0] t2 = s0 - s1 - s2 + s3;
    wire signed [11:0] t3 = s0 - s1 + s2 - s3;
    always @(posedge clk) begin
        w0 <= t0;
        w1 <= t1;
        w2 <= t2;
        w3 <= t3;
    end
endmodule
