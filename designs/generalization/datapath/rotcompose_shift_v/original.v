module rot2 (input [7:0] v, input [2:0] b, input [2:0] c, output [7:0] y);
  wire [15:0] d1 = {v, v} << b;
  wire [7:0]  r1 = d1[15:8];
  wire [15:0] d2 = {r1, r1} << c;
  assign y = d2[15:8];
endmodule
