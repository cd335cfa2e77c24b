// Bit-error counter of a 4-lane (8 bits per lane) PRBS checker: the XOR of received and
// expected data gives the error bits; per-lane error counts and the total per beat.
module ber_count (
  input  wire [31:0] rx,
  input  wire [31:0] expected,
  output reg  [3:0]  lane_err0, lane_err1, lane_err2, lane_err3,
  output reg  [5:0]  total_err
);
  wire [31:0] err = rx ^ expected;
  integer i;

  always @* begin
    lane_err0 = 4'd0; lane_err1 = 4'd0; lane_err2 = 4'd0; lane_err3 = 4'd0;
    for (i = 0; i < 8; i = i + 1) begin
      lane_err0 = lane_err0 + err[i];
      lane_err1 = lane_err1 + err[8 + i];
      lane_err2 = lane_err2 + err[16 + i];
      lane_err3 = lane_err3 + err[24 + i];
    end
    // the total is the sum of the four lane counts (no second 32-input count)
    total_err = (lane_err0 + lane_err1) + (lane_err2 + lane_err3);
  end
endmodule
