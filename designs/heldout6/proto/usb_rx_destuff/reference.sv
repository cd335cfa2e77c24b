// USB receive NRZI + destuffing: one previous-level register, 3-bit ones counter.
module usb_rx_nrzi (
  input  logic clk,
  input  logic rst,
  input  logic sample,
  input  logic dp,
  output logic bit_valid,
  output logic bit_data,
  output logic stuff_err
);
  logic       prev_level;
  logic [2:0] ones;
  logic       nrzi, stuffed;
  assign nrzi    = (dp == prev_level);
  assign stuffed = ones[2] & ones[1];      // ones == 6 (never 7)

  always_ff @(posedge clk) begin
    if (rst) begin
      prev_level <= 1'b1;
      ones       <= '0;
      bit_valid  <= 1'b0;
      bit_data   <= 1'b0;
      stuff_err  <= 1'b0;
    end else begin
      bit_valid <= sample & ~stuffed;
      stuff_err <= sample & stuffed & nrzi;
      if (sample) begin
        prev_level <= dp;
        ones       <= (stuffed | ~nrzi) ? 3'd0 : ones + 3'd1;
        if (!stuffed) bit_data <= nrzi;
      end
    end
  end
endmodule
