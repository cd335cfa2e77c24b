module mul10(input [7:0] a, output [11:0] y);
  assign y = a * 10;
endmodule
