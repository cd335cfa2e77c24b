// Four-channel surround encoder: each output channel is one instance of a
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
    sum3m1 #(.N(N)) e0 (.p(fl), .q(fr), .r(rl), .s(rr), .o(c0));
    sum3m1 #(.N(N)) e1 (.p(fl), .q(fr), .r(rr), .s(rl), .o(c1));
    sum3m1 #(.N(N)) e2 (.p(rl), .q(rr), .r(fl), .s(fr), .o(c2));
    sum3m1 #(.N(N)) e3 (.p(rl), .q(rr), .r(fr), .s(fl), .o(c3));
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
