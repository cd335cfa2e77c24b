// Signed median of three with three comparisons: max(min(s0,s1), min(max(s0,s1), s2)).
module med3_rank (
    input  wire signed [9:0] s0, s1, s2,
    output wire signed [9:0] med
);
    wire              c  = s0 < s1;
    wire signed [9:0] lo = c ? s0 : s1;
    wire signed [9:0] hi = c ? s1 : s0;
    wire signed [9:0] m2 = (hi < s2) ? hi : s2;
    assign med = (lo < m2) ? m2 : lo;
endmodule
