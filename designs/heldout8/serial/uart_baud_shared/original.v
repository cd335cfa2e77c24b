// UART baud ticks: a 16x oversampling tick for the receiver and a 1x bit tick for the
// transmitter, each from its own divider instance.
module baud_div #(parameter DIV = 16, parameter W = 16) (
  input  clk,
  input  rst,
  output tick
);
  reg [W-1:0] c;
  assign tick = (c == DIV - 1);
  always @(posedge clk) begin
    if (rst)       c <= {W{1'b0}};
    else if (tick) c <= {W{1'b0}};
    else           c <= c + 1'b1;
  end
endmodule

module uart_baud (
  input  clk,
  input  rst,
  output rx_tick16,
  output tx_tick
);
  baud_div #(.DIV(8))  u_rx (.clk(clk), .rst(rst), .tick(rx_tick16));
  baud_div #(.DIV(128)) u_tx (.clk(clk), .rst(rst), .tick(tx_tick));
endmodule
