module alu16r (
  input  [15:0] in_x, in_y,
  input  [2:0]  code,
  output [15:0] res
);
  assign res = code == 3'd0 ? in_x + in_y
             : code == 3'd1 ? in_x - in_y
             : code == 3'd2 ? in_y - in_x
             : code == 3'd3 ? -in_x
             : code == 3'd4 ? in_x & in_y
             : code == 3'd5 ? in_x | in_y
             : in_x ^ in_y;
endmodule
