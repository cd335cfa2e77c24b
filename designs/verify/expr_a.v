module expr(input [7:0] a, b, c, output [9:0] s, output [7:0] m);
  assign s = (a + b) + c;
  assign m = (a & b) | (a & c);
endmodule
