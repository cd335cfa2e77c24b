// Audio gain: select the gain first, one signed 14x10 multiplier.
module gain_sel (
  input                    right,
  input  signed [13:0]     smp,
  input  signed [9:0]      gain_l,
  input  signed [9:0]      gain_r,
  output signed [23:0]     scaled
);
  wire signed [9:0] g = right ? gain_r : gain_l;
  assign scaled = smp * g;
endmodule
