// 4-input bitonic sorter with a run-time direction (ascending / descending),
// built from compare-exchange cells.
module cmp_xchg #(
    parameter int W = 8
) (
    input  logic [W-1:0] a,
    input  logic [W-1:0] b,
    input  logic         up,     // 1: lo gets the smaller value
    output logic [W-1:0] lo,
    output logic [W-1:0] hi
);
    // equal operands give the same outputs swapped or not, so one comparator
    // serves both directions
    logic swap;
    assign swap = (a > b) ^ ~up;
    assign lo = swap ? b : a;
    assign hi = swap ? a : b;
endmodule

module bitonic4 #(
    parameter int W = 8
) (
    input  logic [3:0][W-1:0] din,
    input  logic              desc,
    output logic [3:0][W-1:0] dout
);
    logic [3:0][W-1:0] s1, s2;
    logic up;
    assign up = ~desc;

    // stage 1: sort pairs in opposite directions to form a bitonic sequence
    cmp_xchg #(.W(W)) c10 (.a(din[0]), .b(din[1]), .up(up),  .lo(s1[0]), .hi(s1[1]));
    cmp_xchg #(.W(W)) c11 (.a(din[2]), .b(din[3]), .up(~up), .lo(s1[2]), .hi(s1[3]));
    // stage 2: half cleaner
    cmp_xchg #(.W(W)) c20 (.a(s1[0]), .b(s1[2]), .up(up), .lo(s2[0]), .hi(s2[2]));
    cmp_xchg #(.W(W)) c21 (.a(s1[1]), .b(s1[3]), .up(up), .lo(s2[1]), .hi(s2[3]));
    // stage 3
    cmp_xchg #(.W(W)) c30 (.a(s2[0]), .b(s2[1]), .up(up), .lo(dout[0]), .hi(dout[1]));
    cmp_xchg #(.W(W)) c31 (.a(s2[2]), .b(s2[3]), .up(up), .lo(dout[2]), .hi(dout[3]));
endmodule

module sort4_top (
    input  logic [3:0][8:0] din,
    input  logic            desc,
    output logic [3:0][8:0] dout
);
    bitonic4 #(.W(9)) u_sort (.din, .desc, .dout);
endmodule
