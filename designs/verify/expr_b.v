module expr(input [7:0] a, b, c, output [9:0] s, output [7:0] m);
  assign s = c + (b + a);     // reordered sum (10-bit context: no overflow difference)
  assign m = a & (b | c);     // factored
endmodule
