// Median of three signed 10-bit samples by ranking: the sample with exactly one sample ranked
// below it (smaller, or equal and earlier) -- six comparisons.
module med3_rank (
    input  wire signed [9:0] s0, s1, s2,
    output wire signed [9:0] med
);
    wire [1:0] r0 = (s1 <  s0) + (s2 <  s0);
    wire [1:0] r1 = (s0 <= s1) + (s2 <  s1);
    wire [1:0] r2 = (s0 <= s2) + (s1 <= s2);
    assign med = (r0 == 2'd1) ? s0 : (r1 == 2'd1) ? s1 : s2;
endmodule
