module mulsel (
  input  [7:0] a, b, c, d,
  input        sel,
  output [15:0] p
);
  wire [7:0] m1 = sel ? a : c;
  wire [7:0] m2 = sel ? b : d;
  assign p = m1 * m2;
endmodule
