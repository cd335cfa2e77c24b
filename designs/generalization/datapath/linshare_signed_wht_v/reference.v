// Sequency-ordered 4-point Walsh transform of four two's complement samples
// that arrive on plain (unsigned) buses: each output is one row of the matrix,
// the samples sign-extended with $signed in the net initializers.
module swht_core #(
    parameter N = 8
) (
    input  wire [N-1:0] a,
    input  wire [N-1:0] b,
    input  wire [N-1:0] c,
    input  wire [N-1:0] d,
    output wire [N+1:0] w0,
    output wire [N+1:0] w1,
    output wire [N+1:0] w2,
    output wire [N+1:0] w3
);
    // butterflies: a +- b and c +- d once, then one add/sub per output (8 instead of 12)
    wire signed [N:0] ab_s = $signed(a) + $signed(b);
    wire signed [N:0] ab_d = $signed(a) - $signed(b);
    wire signed [N:0] cd_s = $signed(c) + $signed(d);
    wire signed [N:0] cd_d = $signed(c) - $signed(d);
    wire signed [N+1:0] s0 = ab_s + cd_s;
    wire signed [N+1:0] s1 = ab_s - cd_s;
    wire signed [N+1:0] s2 = ab_d - cd_d;
    wire signed [N+1:0] s3 = ab_d + cd_d;
    assign w0 = s0;
    assign w1 = s1;
    assign w2 = s2;
    assign w3 = s3;
endmodule

module swht_top (
    input  wire [9:0]  a,
    input  wire [9:0]  b,
    input  wire [9:0]  c,
    input  wire [9:0]  d,
    output wire [11:0] w0,
    output wire [11:0] w1,
    output wire [11:0] w2,
    output wire [11:0] w3
);
    swht_core #(.N(10)) u_core (.a(a), .b(b), .c(c), .d(d), .w0(w0), .w1(w1), .w2(w2), .w3(w3));
endmodule
