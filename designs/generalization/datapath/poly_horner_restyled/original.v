module poly_r (
  input  [9:0]  x, a, b, c,
  output [19:0] y
);
  wire [19:0] x2 = x * x;
  wire [19:0] t2 = a * x2;
  wire [19:0] t1 = b * x;
  assign y = t2 + t1 + c;
endmodule
