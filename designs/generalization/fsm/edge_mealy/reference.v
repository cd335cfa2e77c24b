module edgedet(input clk, input rst, input sig, output rise, output fall);
  reg q;
  always @(posedge clk) if (rst) q <= 1'b0; else q <= sig;
  assign rise = sig & ~q;
  assign fall = ~sig & q;
endmodule
