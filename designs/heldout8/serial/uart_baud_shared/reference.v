// 128 = 16 * 8: the TX count is {sub, rx count}, so a 4-bit counter of RX ticks
// replaces the TX divider; the RX divider is 3 bits.
module uart_baud (
  input  clk,
  input  rst,
  output rx_tick16,
  output tx_tick
);
  reg [2:0] c;
  reg [3:0] sub;
  assign rx_tick16 = (c == 3'd7);
  assign tx_tick   = rx_tick16 && (sub == 4'd15);
  always @(posedge clk) begin
    if (rst) begin
      c   <= 3'd0;
      sub <= 4'd0;
    end else if (rx_tick16) begin
      c   <= 3'd0;
      sub <= sub + 1'b1;
    end else begin
      c <= c + 1'b1;
    end
  end
endmodule
