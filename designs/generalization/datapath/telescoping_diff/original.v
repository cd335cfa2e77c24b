module telescoping_diff (
  input  [15:0] a, b, c, d,
  output [15:0] span
);
  wire [15:0] d0 = a - b;
  wire [15:0] d1 = b - c;
  wire [15:0] d2 = c - d;
  assign span = d0 + d1 + d2;
endmodule
