// HDLC receive detection from the shift register alone: the run of ones is visible in the window.
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

  always @(posedge clk) begin
    if (rst)        sr <= 8'h00;
    else if (rx_en) sr <= {sr[6:0], rx_bit};
  end

  assign window      = sr;
  assign flag        = (sr == 8'h7E);
  assign abort       = &sr[6:0];
  assign delete_zero = (sr[5:0] == 6'b011111) & ~rx_bit;
endmodule
