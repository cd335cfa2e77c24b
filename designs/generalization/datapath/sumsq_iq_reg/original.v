// Received-signal-strength estimate: I^2 + Q^2 of the rectified 10-bit I/Q magnitudes, registered.
module rssi_est (
  input  wire        clk,
  input  wire        en,
  input  wire [9:0]  i_mag,
  input  wire [9:0]  q_mag,
  output reg  [20:0] rssi
);
  always @(posedge clk)
    if (en) rssi <= i_mag * i_mag + q_mag * q_mag;
endmodule
