// HDLC receive: flag (01111110), abort (seven 1s) and zero-deletion detection.
module hdlc_rx_detect (
  input        clk,
  input        rst,
  input        rx_en,
  input        rx_bit,
  output       flag,
  output       abort,
  output       delete_zero,
  output [7:0] window
);
  reg [7:0] sr;
  reg [3:0] ones_run;

  always @(posedge clk) begin
    if (rst) begin
      sr       <= 8'h00;
      ones_run <= 4'd0;
    end else if (rx_en) begin
      sr <= {sr[6:0], rx_bit};
      if (!rx_bit)
        ones_run <= 4'd0;
      else if (ones_run != 4'd15)
        ones_run <= ones_run + 4'd1;
    end
  end

  assign window      = sr;
  assign flag        = (sr == 8'h7E);
  assign abort       = (ones_run >= 4'd7);
  assign delete_zero = (ones_run == 4'd5) & ~rx_bit;   // next bit is a stuffed zero
endmodule
