module alu16r (
  input  [15:0] in_x, in_y,
  input  [2:0]  code,
  output [15:0] res
);
  wire        sub = code[1] | code[0];
  wire [15:0] x   = code[1] ? (code[0] ? 16'd0 : in_y) : in_x;
  wire [15:0] z   = code[1] ? in_x : in_y;
  wire [15:0] s   = x + (z ^ {16{sub}}) + sub;
  assign res = ~code[2] ? s
             : code[1:0] == 2'd0 ? in_x & in_y
             : code[1:0] == 2'd1 ? in_x | in_y
             : in_x ^ in_y;
endmodule
