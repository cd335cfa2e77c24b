module alu16 (
  input  [15:0] a, b,
  input  [2:0]  op,
  output reg [15:0] y
);
  // one adder: x + (z ^ {16{sub}}) + sub covers a+b, a-b, b-a, 0-a
  wire        sub = op[1] | op[0];
  wire [15:0] x   = op[1] ? (op[0] ? 16'd0 : b) : a;
  wire [15:0] z   = (op[1] & ~op[0]) ? a : (op[1] ? a : b);
  wire [15:0] s   = x + (z ^ {16{sub}}) + sub;
  always @* begin
    case (op)
      3'd0, 3'd1, 3'd2, 3'd3: y = s;
      3'd4: y = a & b;
      3'd5: y = a | b;
      default: y = a ^ b;
    endcase
  end
endmodule
