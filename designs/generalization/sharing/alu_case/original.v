module alu16 (
  input  [15:0] a, b,
  input  [2:0]  op,
  output reg [15:0] y
);
  always @* begin
    case (op)
      3'd0: y = a + b;
      3'd1: y = a - b;
      3'd2: y = b - a;
      3'd3: y = -a;
      3'd4: y = a & b;
      3'd5: y = a | b;
      default: y = a ^ b;
    endcase
  end
endmodule
