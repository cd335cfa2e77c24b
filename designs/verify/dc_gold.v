// gold leaves opcode 3 unspecified ('x): don't-care
module alu(input [1:0] op, input [3:0] a, b, output reg [3:0] y, output z);
  always @* begin
    case (op)
      2'd0: y = a + b;
      2'd1: y = a - b;
      2'd2: y = a & b;
      default: y = 'x;
    endcase
  end
  assign z = op[1] ? 1'bx : a[0];
endmodule
