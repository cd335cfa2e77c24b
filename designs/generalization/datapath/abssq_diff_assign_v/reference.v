module sqdist (input [5:0] a, input [5:0] b, output [11:0] y);
  wire [6:0] d = {1'b0, a} - {1'b0, b};
  wire [5:0] m = d[6] ? -d[5:0] : d[5:0];
  assign y = m * m;
endmodule
