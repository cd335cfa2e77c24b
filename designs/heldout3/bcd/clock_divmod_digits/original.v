// mm:ss elapsed-time display (up to 59:59), one tick per second.
module clock_mmss (
  input  wire       clk,
  input  wire       rst,
  input  wire       tick_1hz,
  input  wire       clear,
  output wire [3:0] min_tens,
  output wire [3:0] min_ones,
  output wire [3:0] sec_tens,
  output wire [3:0] sec_ones
);
  reg [11:0] seconds;
  always @(posedge clk) begin
    if (rst || clear)
      seconds <= 12'd0;
    else if (tick_1hz)
      seconds <= (seconds == 12'd3599) ? 12'd0 : seconds + 12'd1;
  end

  wire [11:0] minutes = seconds / 12'd60;
  wire [11:0] secs    = seconds % 12'd60;
  assign min_tens = minutes / 12'd10;
  assign min_ones = minutes % 12'd10;
  assign sec_tens = secs / 12'd10;
  assign sec_ones = secs % 12'd10;
endmodule
