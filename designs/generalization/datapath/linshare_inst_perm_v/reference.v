// Four-channel surround encoder (expert: pair terms shared in the parent): each output channel is one instance of a
// three-plus-one term summer; the channels differ only in which parent word
// goes to which port (no parameters).
module sum3m1 #(
    parameter N = 8
) (
    input  wire [N-1:0] p,
    input  wire [N-1:0] q,
    input  wire [N-1:0] r,
    input  wire [N-1:0] s,
    output wire [N+1:0] o
);
    assign o = p + q + r - s;
endmodule

module surround_enc #(
    parameter N = 8
) (
    input  wire [N-1:0] fl,
    input  wire [N-1:0] fr,
    input  wire [N-1:0] rl,
    input  wire [N-1:0] rr,
    output wire [N+1:0] c0,
    output wire [N+1:0] c1,
    output wire [N+1:0] c2,
    output wire [N+1:0] c3
);
    // front and rear pair sums and differences, each computed once
    wire signed [N+1:0] f_sum = fl + fr;        // non-negative: fits N+1 bits, signed for the sums below
    wire signed [N+1:0] r_sum = rl + rr;
    wire signed [N:0]   f_diff = $signed({1'b0, fl}) - $signed({1'b0, fr});
    wire signed [N:0]   r_diff = $signed({1'b0, rl}) - $signed({1'b0, rr});
    assign c0 = f_sum + r_diff;                  // fl + fr + rl - rr
    assign c1 = f_sum - r_diff;                  // fl + fr + rr - rl
    assign c2 = r_sum + f_diff;                  // rl + rr + fl - fr
    assign c3 = r_sum - f_diff;                  // rl + rr + fr - fl
endmodule

module surround_top (
    input  wire [9:0]  fl,
    input  wire [9:0]  fr,
    input  wire [9:0]  rl,
    input  wire [9:0]  rr,
    output wire [11:0] c0,
    output wire [11:0] c1,
    output wire [11:0] c2,
    output wire [11:0] c3
);
    surround_enc #(.N(10)) u_enc (.fl(fl), .fr(fr), .rl(rl), .rr(rr),
                                  .c0(c0), .c1(c1), .c2(c2), .c3(c3));
endmodule
