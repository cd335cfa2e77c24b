// Signed temperature alarm: the coldest of two signed sensors (function min) against limits.
module temp_alarm (
  input clk,
  input signed [11:0] t_a,
  input signed [11:0] t_b,
  output reg freeze,
  output reg ok
);
  function signed [11:0] smin;
    input signed [11:0] x;
    input signed [11:0] y;
    begin
      if (x < y) smin = x;
      else smin = y;
    end
  endfunction
  wire signed [11:0] cold = smin(t_a, t_b);
  always @(posedge clk) begin
    freeze <= cold < -12'sd40;
    ok <= cold > 12'sd5;
  end
endmodule
