// UART receiver, oversampled: start-bit check at mid-bit, 8 data bits LSB first, stop bit.
module uart_rx #(parameter OVS = 16) (
  input            clk,
  input            rst,
  input            rxd,
  output reg [7:0] data,
  output reg       valid
);
  localparam IDLE = 2'd0, START = 2'd1, DATA = 2'd2, STOP = 2'd3;
  reg [1:0]  st;
  reg [15:0] oc;
  reg [7:0]  bi;
  reg [7:0]  sh;
  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE; oc <= 16'd0; bi <= 8'd0; sh <= 8'd0; data <= 8'd0; valid <= 1'b0;
    end else begin
      valid <= 1'b0;
      case (st)
        IDLE:  if (!rxd) begin st <= START; oc <= 16'd0; end
        START: if (oc == OVS/2 - 1) begin
                 oc <= 16'd0;
                 bi <= 8'd0;
                 st <= rxd ? IDLE : DATA;
               end else oc <= oc + 1'b1;
        DATA:  if (oc == OVS - 1) begin
                 oc <= 16'd0;
                 sh <= {rxd, sh[7:1]};
                 if (bi == 8'd7) st <= STOP;
                 bi <= bi + 1'b1;
               end else oc <= oc + 1'b1;
        STOP:  if (oc == OVS - 1) begin
                 oc <= 16'd0;
                 st <= IDLE;
                 if (rxd) begin data <= sh; valid <= 1'b1; end
               end else oc <= oc + 1'b1;
      endcase
    end
  end
endmodule

module uart_rx_top (
  input        clk,
  input        rst,
  input        rxd,
  output [7:0] data,
  output       valid
);
  uart_rx #(.OVS(8)) u_rx (.clk(clk), .rst(rst), .rxd(rxd), .data(data), .valid(valid));
endmodule
