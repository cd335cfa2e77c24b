// One ordering decision: the maximum is the operand the minimum did not take.
module smag_minmax (
  input  [11:0] p,
  input  [11:0] q,
  output [11:0] lo,
  output [11:0] hi
);
  wire mag_lt = p[10:0] < q[10:0];
  wire mag_gt = q[10:0] < p[10:0];
  wire p_lt = (p[11] != q[11]) ? p[11] : (p[11] ? mag_gt : mag_lt);
  assign lo = p_lt ? p : q;
  assign hi = p_lt ? q : p;
endmodule
