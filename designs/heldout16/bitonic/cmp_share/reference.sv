// 4-input sorting network; each compare-exchange uses one comparator
// (max is the other operand of the min selection).
module cmp_xchg #(
    parameter int W = 8,
    parameter bit UP = 1'b1
) (
    input  logic [W-1:0] a,
    input  logic [W-1:0] b,
    output logic [W-1:0] lo,
    output logic [W-1:0] hi
);
    logic sw;
    assign sw = UP ? (b < a) : (a < b);
    assign lo = sw ? b : a;
    assign hi = sw ? a : b;
endmodule

module sort4 #(
    parameter int W = 8
) (
    input  logic [3:0][W-1:0] din,
    output logic [3:0][W-1:0] dout
);
    logic [3:0][W-1:0] s1, s2;
    cmp_xchg #(.W(W), .UP(1'b1)) ce10 (.a(din[0]), .b(din[1]), .lo(s1[0]), .hi(s1[1]));
    cmp_xchg #(.W(W), .UP(1'b0)) ce11 (.a(din[2]), .b(din[3]), .lo(s1[2]), .hi(s1[3]));
    cmp_xchg #(.W(W), .UP(1'b1)) ce20 (.a(s1[0]), .b(s1[2]), .lo(s2[0]), .hi(s2[2]));
    cmp_xchg #(.W(W), .UP(1'b1)) ce21 (.a(s1[1]), .b(s1[3]), .lo(s2[1]), .hi(s2[3]));
    cmp_xchg #(.W(W), .UP(1'b1)) ce30 (.a(s2[0]), .b(s2[1]), .lo(dout[0]), .hi(dout[1]));
    cmp_xchg #(.W(W), .UP(1'b1)) ce31 (.a(s2[2]), .b(s2[3]), .lo(dout[2]), .hi(dout[3]));
endmodule

module rank_top (
    input  logic [3:0][5:0] px,
    output logic [5:0]      vmin,
    output logic [5:0]      vmed_lo,
    output logic [5:0]      vmed_hi,
    output logic [5:0]      vmax
);
    logic [3:0][5:0] srt;
    sort4 #(.W(6)) u_sort (.din(px), .dout(srt));
    assign vmin    = srt[0];
    assign vmed_lo = srt[1];
    assign vmed_hi = srt[2];
    assign vmax    = srt[3];
endmodule
