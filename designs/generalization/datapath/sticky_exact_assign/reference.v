// Exact iff the k low bits are zero.
module pow2_div12 (
  input  [11:0] num,
  input  [3:0]  k,
  output [11:0] quo,
  output        exact
);
  assign quo   = num >> k;
  assign exact = ~|(num & ~(12'hfff << k));
endmodule
