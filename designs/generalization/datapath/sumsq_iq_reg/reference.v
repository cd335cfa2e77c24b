// Received-signal-strength estimate: I^2 + Q^2 of the rectified 10-bit I/Q magnitudes, registered.
// Dedicated squarers: x*x = sum x_i 4^i + sum_{i<j} x_i x_j 2^(i+j+1) (45 partial products, not 100).
module rssi_est (
  input  wire        clk,
  input  wire        en,
  input  wire [9:0]  i_mag,
  input  wire [9:0]  q_mag,
  output reg  [20:0] rssi
);
  function [19:0] sq10;
    input [9:0] x;
    integer i, j;
    begin
      sq10 = 20'd0;
      for (i = 0; i < 10; i = i + 1) begin
        sq10[2*i] = x[i];
      end
      for (i = 0; i < 9; i = i + 1)
        for (j = i + 1; j < 10; j = j + 1)
          sq10 = sq10 + ((x[i] & x[j]) << (i + j + 1));
    end
  endfunction

  always @(posedge clk)
    if (en) rssi <= sq10(i_mag) + sq10(q_mag);
endmodule
