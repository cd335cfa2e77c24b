// The counter never exceeds 11: a 4-bit register, and "cnt >= 11" is cnt[3] & cnt[1] & cnt[0].
module mod12_tick (
  input            clk,
  input            rst_n,
  input            tick,
  output           last,
  output reg       carry,
  output     [7:0] slot
);
  reg [3:0] cnt;
  assign last = cnt[3] & cnt[1] & cnt[0];
  assign slot = {4'd0, cnt};

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      cnt   <= 4'd0;
      carry <= 1'b0;
    end else begin
      carry <= tick & last;
      if (tick) cnt <= last ? 4'd0 : cnt + 4'd1;
    end
  end
endmodule
