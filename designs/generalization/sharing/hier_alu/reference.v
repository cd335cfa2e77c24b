module alu_unit (
  input  [11:0] a, b,
  input  [1:0]  f,
  output [11:0] r
);
  wire        sub = f[0] | f[1];
  wire [11:0] x = f[1] ? b : a;
  wire [11:0] z = f[1] ? a : b;
  wire [11:0] s = x + (z ^ {12{sub}}) + sub;
  assign r = (f == 2'd3) ? a : s;
endmodule

module top_alu (
  input  [11:0] a0, b0, a1, b1,
  input  [1:0]  f0, f1,
  output [11:0] r0, r1
);
  alu_unit u0 (.a(a0), .b(b0), .f(f0), .r(r0));
  alu_unit u1 (.a(a1), .b(b1), .f(f1), .r(r1));
endmodule
