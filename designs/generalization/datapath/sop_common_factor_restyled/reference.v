module sop_cf_r (
  input             clk,
  input      [11:0] k,
  input      [11:0] a, b, c,
  output reg [23:0] acc
);
  always @(posedge clk) acc <= k * (a + b + c);
endmodule
