// Oversample counter < 8 (3 bits) and bit index < 8 (3 bits).
module uart_rx_top (
  input            clk,
  input            rst,
  input            rxd,
  output reg [7:0] data,
  output reg       valid
);
  localparam IDLE = 2'd0, START = 2'd1, DATA = 2'd2, STOP = 2'd3;
  reg [1:0] st;
  reg [2:0] oc;
  reg [2:0] bi;
  reg [7:0] sh;
  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE; oc <= 3'd0; bi <= 3'd0; sh <= 8'd0; data <= 8'd0; valid <= 1'b0;
    end else begin
      valid <= 1'b0;
      case (st)
        IDLE:  if (!rxd) begin st <= START; oc <= 3'd0; end
        START: if (oc == 3'd3) begin
                 oc <= 3'd0;
                 bi <= 3'd0;
                 st <= rxd ? IDLE : DATA;
               end else oc <= oc + 1'b1;
        DATA:  begin
                 oc <= oc + 1'b1;
                 if (oc == 3'd7) begin
                   sh <= {rxd, sh[7:1]};
                   if (bi == 3'd7) st <= STOP;
                   bi <= bi + 1'b1;
                 end
               end
        STOP:  begin
                 oc <= oc + 1'b1;
                 if (oc == 3'd7) begin
                   st <= IDLE;
                   if (rxd) begin data <= sh; valid <= 1'b1; end
                 end
               end
      endcase
    end
  end
endmodule
