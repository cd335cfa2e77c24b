module sop_cf_r (
  input             clk,
  input      [11:0] k,
  input      [11:0] a, b, c,
  output reg [23:0] acc
);
  reg [23:0] t0, t1;
  always @(posedge clk) begin
    t0 = a * k;
    t1 = k * b;
    acc <= t0 + t1 + c * k;
  end
endmodule
