// USB transmit bit stuffing + NRZI: 3-bit run counter, the line register is the NRZI level.
module usb_tx_stuff (
  input      clk,
  input      rst,
  input      bit_en,
  input      din,
  output     ready,
  output reg dp
);
  reg [2:0] ones;

  assign ready = ~(ones[2] & ones[1]);   // ones never exceeds 6

  always @(posedge clk) begin
    if (rst) begin
      ones <= 3'd0;
      dp   <= 1'b1;
    end else if (bit_en) begin
      if (ready && din) begin
        ones <= ones + 3'd1;
      end else begin
        ones <= 3'd0;
        dp   <= ~dp;
      end
    end
  end
endmodule
