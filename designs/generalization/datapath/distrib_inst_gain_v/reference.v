// Three-input mixer accumulator, hand-optimized: the two inputs on the same
// coefficient are added first and scaled once.
module umul #(
    parameter A = 8,
    parameter B = 8
) (
    input  wire [A-1:0]   p,
    input  wire [B-1:0]   q,
    output wire [A+B-1:0] r
);
    assign r = p * q;
endmodule

module scale #(
    parameter W = 12,
    parameter K = 5
) (
    input  wire [W-1:0]   d,
    input  wire [K-1:0]   k,
    output wire [W+K-1:0] o
);
    wire [W+K-1:0] r;
    umul #(.A(W), .B(K)) u_m (.p(d), .q(k), .r(r));
    assign o = r;
endmodule

module tri_mix (
    input  wire        clk,
    input  wire [11:0] d0,
    input  wire [11:0] d1,
    input  wire [11:0] d2,
    input  wire [4:0]  k,
    input  wire [4:0]  k2,
    output reg  [18:0] acc
);
    wire [12:0] d01 = d0 + d1;
    wire [17:0] s01 = d01 * k;
    wire [16:0] s2;
    scale u2 (.d(d2), .k(k2), .o(s2));
    always @(posedge clk)
        acc <= s01 + s2;
endmodule
