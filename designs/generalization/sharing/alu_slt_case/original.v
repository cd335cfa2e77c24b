// RISC-V style integer ALU slice: add/sub, unsigned set-less-than, equality, logic ops
module alu_slt (
  input      [15:0] a, b,
  input      [2:0]  fn,
  output reg [15:0] y
);
  always @* begin
    case (fn)
      3'd0:    y = a + b;
      3'd1:    y = a - b;
      3'd2:    y = {15'd0, a < b};
      3'd3:    y = {15'd0, a == b};
      3'd4:    y = a & b;
      3'd5:    y = a | b;
      3'd6:    y = a ^ b;
      default: y = {15'd0, a >= b};
    endcase
  end
endmodule
