// Stereo-to-mono downmix with master gain: each channel is scaled, then the two are summed
// (combinational stage between the I2S receiver and the output register).
module downmix_gain (
  input  wire signed [11:0] left,
  input  wire signed [11:0] right,
  input  wire signed [7:0] gain,   // signed Q1.7 (negative inverts polarity)
  output wire signed [19:0] mono
);
  // g*l + g*r == g*(l+r): one multiplier
  wire signed [12:0] lr = left + right;
  wire signed [19:0] sum = lr * gain;

  assign mono = sum;
endmodule
