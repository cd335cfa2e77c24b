module rotl16 (
  input      [15:0] a,
  input      [3:0]  r,
  output     [15:0] y
);
  assign y = (a << r) | (a >> (16 - r));
endmodule
