module assoc(input [23:0] a, b, c, output [23:0] y);
  assign y = (a * b) * c;
endmodule
