// Audio gain: the sample is scaled by the left or the right channel gain (signed Q1.9), per frame.
module gain_sel (
  input                    right,
  input  signed [13:0]     smp,
  input  signed [9:0]      gain_l,
  input  signed [9:0]      gain_r,
  output signed [23:0]     scaled
);
  wire signed [23:0] prod_l = smp * gain_l;
  wire signed [23:0] prod_r = gain_r * smp;
  assign scaled = right ? prod_r : prod_l;
endmodule
