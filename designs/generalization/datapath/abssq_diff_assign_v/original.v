module sqdist (input [5:0] a, input [5:0] b, output [11:0] y);
  wire signed [6:0] d = $signed({1'b0, a}) - $signed({1'b0, b});
  wire signed [13:0] p = d * d;
  assign y = p[11:0];
endmodule
