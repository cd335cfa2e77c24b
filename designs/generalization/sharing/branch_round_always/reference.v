module rnd_pick (
  input      [23:0] acc_a,
  input      [23:0] acc_b,
  input             use_b,
  output reg [11:0] r
);
  wire [12:0] hi = use_b ? acc_b[23:11] : acc_a[23:11];
  wire [12:0] t  = hi + 13'd1;
  always @* r = t[12] ? 12'hfff : t[12:1];
endmodule
