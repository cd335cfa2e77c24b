// differs where gold specifies a value: op 2 gives a | b instead of a & b
module alu(input [1:0] op, input [3:0] a, b, output [3:0] y, output z);
  assign y = op[1] ? (a | b) : (op[0] ? a - b : a + b);
  assign z = a[0];
endmodule
