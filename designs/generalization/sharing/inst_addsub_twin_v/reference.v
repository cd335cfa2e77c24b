// Offset stage of a 10-bit data path: one adder serves both operations (the
// subtrahend inverted and a carry-in of 1 when mode is set).
module offset_stage (
  input            clk,
  input            mode,
  input      [9:0] smp,
  input      [9:0] ofs,
  output reg [9:0] q,
  output reg       zero,
  output reg       cy
);
  wire [10:0] t = smp + (ofs ^ {10{mode}}) + mode;

  always @(posedge clk) begin
    q    <= t[9:0];
    zero <= ~|t[9:0];
    cy   <= t[10] ^ mode;
  end
endmodule
