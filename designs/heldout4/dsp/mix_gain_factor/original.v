// Stereo-to-mono downmix with master gain: each channel is scaled, then the two are summed
// (combinational stage between the I2S receiver and the output register).
module downmix_gain (
  input  wire signed [11:0] left,
  input  wire signed [11:0] right,
  input  wire signed [7:0] gain,   // signed Q1.7 (negative inverts polarity)
  output wire signed [19:0] mono
);
  wire signed [19:0] l_scaled = left  * gain;
  wire signed [19:0] r_scaled = right * gain;
  wire signed [19:0] sum = l_scaled + r_scaled;

  assign mono = sum;
endmodule
