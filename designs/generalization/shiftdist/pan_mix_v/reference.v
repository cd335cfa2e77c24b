// Stereo pan mixer (reference: one shifter after the sum).
module pan_mix (
  input clk,
  input [3:0] expo,
  input [7:0] v0, v1, v2,
  output reg [25:0] bus
);
  wire [25:0] sum = v0 + v1 + v2;
  always @(posedge clk)
    bus <= sum << expo;
endmodule
