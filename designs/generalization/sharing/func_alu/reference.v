module falu (
  input  [15:0] a, b,
  input  [1:0]  op,
  output [15:0] y
);
  wire        sub = op[0] | op[1];
  wire [15:0] x = op[1] ? b : a;
  wire [15:0] z = op[1] ? a : b;
  wire [15:0] s = x + (z ^ {16{sub}}) + sub;
  assign y = (op == 2'd3) ? (a ^ b) : s;
endmodule
