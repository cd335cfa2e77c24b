// Divide by a power of two with an "exact" flag (no remainder), 12-bit, written as one expression.
module pow2_div12 (
  input  [11:0] num,
  input  [3:0]  k,
  output [11:0] quo,
  output        exact
);
  assign quo   = num >> k;
  assign exact = (((num >> k) << k) == num);
endmodule
