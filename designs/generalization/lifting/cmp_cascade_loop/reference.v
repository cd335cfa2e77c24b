module mag_cmp (
  input      [15:0] a,
  input      [15:0] b,
  output            gt,
  output            lt
);
  assign gt = a > b;
  assign lt = a < b;
endmodule
