// Stereo pan mixer: three voices scaled by one shared exponent (each its own left shift) and
// summed into a registered bus.
module pan_mix (
  input clk,
  input [3:0] expo,
  input [7:0] v0, v1, v2,
  output reg [25:0] bus
);
  wire [25:0] s0 = v0 << expo;
  wire [25:0] s1 = v1 << expo;
  wire [25:0] s2 = v2 << expo;
  always @(posedge clk)
    bus <= s0 + s1 + s2;
endmodule
