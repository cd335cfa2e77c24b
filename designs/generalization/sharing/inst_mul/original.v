// two multiplier instances whose products are never used together
module mul8 (input [7:0] a, b, output [15:0] p);
  assign p = a * b;
endmodule

module dualmul (
  input         sel,
  input  [7:0]  x0, y0, x1, y1,
  output [15:0] prod
);
  wire [15:0] p0, p1;
  mul8 m0 (.a(x0), .b(y0), .p(p0));
  mul8 m1 (.a(x1), .b(y1), .p(p1));
  assign prod = sel ? p1 : p0;
endmodule
