module poly_r (
  input  [9:0]  x, a, b, c,
  output [19:0] y
);
  assign y = (a * x + b) * x + c;
endmodule
