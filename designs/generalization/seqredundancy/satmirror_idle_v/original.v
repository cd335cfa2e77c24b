// Idle monitor of a power controller: idle_len counts the cycles since the last busy cycle
// (saturating at 127, reported to software); wait_left is a separate sleep timer loaded with 40 on
// busy and counting down to 0. Both restart on busy, so the timer is always 40 - min(idle_len, 40).
module idle_mon (
  input  wire       clk,
  input  wire       rst,
  input  wire       busy,
  output reg  [6:0] idle_len,
  output wire       sleep_ok,
  output wire       half_way
);
  reg [6:0] wait_left;

  always @(posedge clk) begin
    if (rst || busy) idle_len <= 7'd0;
    else if (idle_len != 7'h7f) idle_len <= idle_len + 7'd1;
  end

  always @(posedge clk) begin
    if (rst || busy) wait_left <= 7'd40;
    else if (wait_left != 7'd0) wait_left <= wait_left - 7'd1;
  end

  assign sleep_ok = wait_left == 7'd0;
  assign half_way = wait_left <= 7'd20;
endmodule
