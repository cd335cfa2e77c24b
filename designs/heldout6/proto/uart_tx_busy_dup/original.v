// 8N1 UART transmitter.
module uart_tx_core #(
  parameter CLKS_PER_BIT = 868
) (
  input            clk,
  input            rst,
  input            start,
  input      [7:0] data,
  output           txd,
  output reg       busy
);
  integer   baud_cnt;
  integer   bit_cnt;          // bits still to send (10 .. 1), 0 when idle
  reg [9:0] shreg;

  assign txd = shreg[0];

  always @(posedge clk) begin
    if (rst) begin
      baud_cnt <= 0;
      bit_cnt  <= 0;
      shreg    <= 10'h3FF;
      busy     <= 1'b0;
    end else if (bit_cnt == 0) begin
      if (start) begin
        shreg    <= {1'b1, data, 1'b0};
        bit_cnt  <= 10;
        baud_cnt <= 0;
        busy     <= 1'b1;
      end
    end else if (baud_cnt == CLKS_PER_BIT - 1) begin
      baud_cnt <= 0;
      shreg    <= {1'b1, shreg[9:1]};
      bit_cnt  <= bit_cnt - 1;
      if (bit_cnt == 1) busy <= 1'b0;
    end else begin
      baud_cnt <= baud_cnt + 1;
    end
  end
endmodule

module uart_tx (
  input        clk,
  input        rst,
  input        start,
  input  [7:0] data,
  output       txd,
  output       busy
);
  uart_tx_core #(.CLKS_PER_BIT(434)) u_core (.clk(clk), .rst(rst), .start(start), .data(data),
                                             .txd(txd), .busy(busy));
endmodule
