// RISC-V style integer ALU slice: one 17-bit subtract/add; sltu/sgeu from its borrow, eq from its zero flag
module alu_slt (
  input      [15:0] a, b,
  input      [2:0]  fn,
  output reg [15:0] y
);
  wire        sub  = fn[0] | fn[1];
  wire [16:0] s    = {1'b0, a} + {1'b0, b ^ {16{sub}}} + sub;
  wire        ltu  = ~s[16];
  wire        eq   = ~|s[15:0];
  always @* begin
    case (fn)
      3'd0, 3'd1: y = s[15:0];
      3'd2:       y = {15'd0, ltu};
      3'd3:       y = {15'd0, eq};
      3'd4:       y = a & b;
      3'd5:       y = a | b;
      3'd6:       y = a ^ b;
      default:    y = {15'd0, ~ltu};
    endcase
  end
endmodule
