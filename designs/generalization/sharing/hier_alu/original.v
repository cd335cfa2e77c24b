module alu_unit (
  input  [11:0] a, b,
  input  [1:0]  f,
  output reg [11:0] r
);
  always @* begin
    if (f == 2'd0)      r = a + b;
    else if (f == 2'd1) r = a - b;
    else if (f == 2'd2) r = b - a;
    else                r = a;
  end
endmodule

module top_alu (
  input  [11:0] a0, b0, a1, b1,
  input  [1:0]  f0, f1,
  output [11:0] r0, r1
);
  alu_unit u0 (.a(a0), .b(b0), .f(f0), .r(r0));
  alu_unit u1 (.a(a1), .b(b1), .f(f1), .r(r1));
endmodule
