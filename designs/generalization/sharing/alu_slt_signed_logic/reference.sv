// 12-bit ALU slice: one adder/subtractor; SLT and SLTU from its carry and the operand signs.
module alu12 (
  input  logic [1:0]  fn,
  input  logic [11:0] a, b,
  output logic [11:0] y
);
  logic        sub;
  logic [12:0] s;
  assign sub = fn != 2'b00;
  assign s   = {1'b0, a} + {1'b0, sub ? ~b : b} + {12'd0, sub};
  always_comb begin
    unique case (fn)
      2'b00, 2'b01: y = s[11:0];
      2'b10:        y = {11'd0, (a[11] ^ b[11]) ? a[11] : s[11]};
      default:      y = {11'd0, ~s[12]};
    endcase
  end
endmodule
