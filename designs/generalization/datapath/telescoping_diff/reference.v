module telescoping_diff (
  input  [15:0] a, b, c, d,
  output [15:0] span
);
  assign span = a - d;
endmodule
