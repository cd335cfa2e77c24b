// Idle monitor of a power controller: the sleep timer is 40 - min(idle_len, 40), so its flags read
// the idle count directly.
module idle_mon (
  input  wire       clk,
  input  wire       rst,
  input  wire       busy,
  output reg  [6:0] idle_len,
  output wire       sleep_ok,
  output wire       half_way
);
  always @(posedge clk) begin
    if (rst || busy) idle_len <= 7'd0;
    else if (idle_len != 7'h7f) idle_len <= idle_len + 7'd1;
  end

  assign sleep_ok = idle_len >= 7'd40;
  assign half_way = idle_len >= 7'd20;
endmodule
