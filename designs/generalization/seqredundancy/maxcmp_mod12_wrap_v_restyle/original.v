// Month/hour style wrap counter: counts 0..11 on each tick and wraps; 'last' flags the final slot.
module mod12_tick (
  input            clk,
  input            rst_n,
  input            tick,
  output           last,
  output reg       carry,
  output     [7:0] slot
);
  reg [7:0] cnt;
  assign last = (cnt >= 8'd11);
  assign slot = cnt;

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      cnt   <= 8'd0;
      carry <= 1'b0;
    end else begin
      carry <= tick & last;
      if (tick) begin
        if (last) cnt <= 8'd0;
        else      cnt <= cnt + 8'd1;
      end
    end
  end
endmodule
