module rot2 (input [7:0] v, input [2:0] b, input [2:0] c, output [7:0] y);
  wire [2:0]  s = b + c;
  wire [15:0] d = {v, v} << s;
  assign y = d[15:8];
endmodule
