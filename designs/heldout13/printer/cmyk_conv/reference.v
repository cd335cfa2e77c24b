// Printer colour path: RGB -> CMYK with grey-component replacement.
module max3 #(parameter W = 8) (
  input  wire [W-1:0] a, b, c,
  output wire [W-1:0] m
);
  wire [W-1:0] ab = (a > b) ? a : b;
  assign m = (ab > c) ? ab : c;
endmodule

module cmyk_conv #(parameter W = 8) (
  input  wire [W-1:0] r, g, b,
  output wire [W-1:0] c, m, y, k
);
  wire [W-1:0] mx;
  max3 #(.W(W)) u_max (.a(r), .b(g), .c(b), .m(mx));
  // (FULL - r) - (FULL - mx) = mx - r; FULL - mx is the complement
  assign k = ~mx;
  assign c = mx - r;
  assign m = mx - g;
  assign y = mx - b;
endmodule

module printer_cmyk (
  input  wire [5:0] r, g, b,
  output wire [5:0] c, m, y, k
);
  cmyk_conv #(.W(6)) u_cv (.r(r), .g(g), .b(b), .c(c), .m(m), .y(y), .k(k));
endmodule
