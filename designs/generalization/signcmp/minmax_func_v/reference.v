// Signed temperature alarm (reference: both sensors compared with the limits).
module temp_alarm (
  input clk,
  input signed [11:0] t_a,
  input signed [11:0] t_b,
  output reg freeze,
  output reg ok
);
  always @(posedge clk) begin
    freeze <= (t_a < -12'sd40) || (t_b < -12'sd40);
    ok <= (t_a > 12'sd5) && (t_b > 12'sd5);
  end
endmodule
