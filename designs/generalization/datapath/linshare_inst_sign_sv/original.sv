// Three-phase sign matrix (SystemVerilog): each output is one instance of a
// signed three-term combiner whose per-term signs are int parameters.
module tri_comb #(
    parameter int W  = 8,
    parameter int SA = 1,
    parameter int SB = 1,
    parameter int SC = 1
) (
    input  logic signed [W-1:0] a,
    input  logic signed [W-1:0] b,
    input  logic signed [W-1:0] c,
    output logic signed [W+1:0] y
);
    always_comb begin
        y = W'(0);
        y = SA * a + SB * b + SC * c;
    end
endmodule

module sign_matrix #(
    parameter int W = 8
) (
    input  logic signed [W-1:0] ia,
    input  logic signed [W-1:0] ib,
    input  logic signed [W-1:0] ic,
    output logic signed [W+1:0] y0,
    output logic signed [W+1:0] y1,
    output logic signed [W+1:0] y2,
    output logic signed [W+1:0] y3
);
    tri_comb #(.W(W), .SA(1), .SB(1),  .SC(1))  t0 (.a(ia), .b(ib), .c(ic), .y(y0));
    tri_comb #(.W(W), .SA(1), .SB(1),  .SC(-1)) t1 (.a(ia), .b(ib), .c(ic), .y(y1));
    tri_comb #(.W(W), .SA(1), .SB(-1), .SC(1))  t2 (.a(ia), .b(ib), .c(ic), .y(y2));
    tri_comb #(.W(W), .SA(1), .SB(-1), .SC(-1)) t3 (.a(ia), .b(ib), .c(ic), .y(y3));
endmodule

module sign_top (
    input  logic signed [11:0] ia,
    input  logic signed [11:0] ib,
    input  logic signed [11:0] ic,
    output logic signed [13:0] y0,
    output logic signed [13:0] y1,
    output logic signed [13:0] y2,
    output logic signed [13:0] y3
);
    sign_matrix #(.W(12)) u_m (.ia(ia), .ib(ib), .ic(ic), .y0(y0), .y1(y1), .y2(y2), .y3(y3));
endmodule
