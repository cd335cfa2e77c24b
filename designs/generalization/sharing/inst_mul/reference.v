// one multiplier instance with its operands selected
module mul8 (input [7:0] a, b, output [15:0] p);
  assign p = a * b;
endmodule

module dualmul (
  input         sel,
  input  [7:0]  x0, y0, x1, y1,
  output [15:0] prod
);
  mul8 m0 (.a(sel ? x1 : x0), .b(sel ? y1 : y0), .p(prod));
endmodule
