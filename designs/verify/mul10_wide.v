module mul10(input [7:0] a, output [12:0] y);  // output width changed 12 -> 13
  assign y = a * 10;
endmodule
