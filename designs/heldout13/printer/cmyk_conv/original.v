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
  localparam [W-1:0] FULL = {W{1'b1}};
  wire [W-1:0] mx;
  max3 #(.W(W)) u_max (.a(r), .b(g), .c(b), .m(mx));
  wire [W-1:0] ci = FULL - r;
  wire [W-1:0] mi = FULL - g;
  wire [W-1:0] yi = FULL - b;
  assign k = FULL - mx;
  assign c = ci - k;
  assign m = mi - k;
  assign y = yi - k;
endmodule

module printer_cmyk (
  input  wire [5:0] r, g, b,
  output wire [5:0] c, m, y, k
);
  cmyk_conv #(.W(6)) u_cv (.r(r), .g(g), .b(b), .c(c), .m(m), .y(y), .k(k));
endmodule
