// Hand reference: each |s| > T is s > T or s < -T (|most negative| = 8192 > 8190 too: it is below -8190).
module absmag_meter_ternary_v (input clk, input signed [13:0] smp, output reg [4:0] bars, output reg clip);
  reg signed [13:0] s_q;
  always @(posedge clk) begin
    s_q <= smp;
    bars[0] <= (s_q > 14'sd120) | (s_q < -14'sd120);
    bars[1] <= (s_q > 14'sd480) | (s_q < -14'sd480);
    bars[2] <= (s_q > 14'sd1500) | (s_q < -14'sd1500);
    bars[3] <= (s_q > 14'sd4000) | (s_q < -14'sd4000);
    bars[4] <= (s_q > 14'sd6999) | (s_q < -14'sd6999);
    clip <= (s_q > 14'sd8190) | (s_q < -14'sd8190);
  end
endmodule
