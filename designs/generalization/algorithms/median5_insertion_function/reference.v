// Median-of-five selection network: 7 compare-exchanges, several one-sided.
module med5w (
  input  [9:0] a, b, c, d, e,
  output [9:0] m
);
  wire [9:0] a0 = (a > b) ? b : a, a1 = (a > b) ? a : b;
  wire [9:0] a3 = (d > e) ? e : d, a4 = (d > e) ? d : e;
  wire [9:0] b3 = (a0 > a3) ? a0 : a3;
  wire [9:0] b1 = (a1 > a4) ? a4 : a1;
  wire [9:0] c1 = (b1 > c) ? c : b1, c2 = (b1 > c) ? b1 : c;
  wire [9:0] d2 = (c2 > b3) ? b3 : c2;
  assign m = (c1 > d2) ? c1 : d2;
endmodule
