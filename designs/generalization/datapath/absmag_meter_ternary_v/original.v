// Peak meter: a registered signed sample, its magnitude by sign-selected negation, five level bars and
// a clip flag from comparisons of the magnitude with constants.
module absmag_meter_ternary_v (input clk, input signed [13:0] smp, output reg [4:0] bars, output reg clip);
  reg signed [13:0] s_q;
  wire [13:0] mag = (s_q < 0) ? (~s_q + 14'd1) : s_q;
  always @(posedge clk) begin
    s_q <= smp;
    bars[0] <= mag > 14'd120;
    bars[1] <= mag > 14'd480;
    bars[2] <= mag > 14'd1500;
    bars[3] <= mag > 14'd4000;
    bars[4] <= mag >= 14'd7000;
    clip <= mag > 14'd8190;
  end
endmodule
