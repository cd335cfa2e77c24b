// USB receive: NRZI decode (no transition = 1), drop the stuffed 0 after six 1s, flag a stuff error.
module usb_rx_nrzi (
  input  logic clk,
  input  logic rst,
  input  logic sample,        // recovered bit strobe
  input  logic dp,            // line level
  output logic bit_valid,
  output logic bit_data,
  output logic stuff_err
);
  logic prev_level;           // NRZI reference
  logic last_line;            // line level of the previous bit (for the error check)
  int   ones;

  logic nrzi;
  assign nrzi = (dp == prev_level);

  always_ff @(posedge clk) begin
    if (rst) begin
      prev_level <= 1'b1;
      last_line  <= 1'b1;
      ones       <= 0;
      bit_valid  <= 1'b0;
      bit_data   <= 1'b0;
      stuff_err  <= 1'b0;
    end else begin
      bit_valid <= 1'b0;
      stuff_err <= 1'b0;
      if (sample) begin
        prev_level <= dp;
        last_line  <= dp;
        if (ones == 6) begin
          ones      <= 0;
          stuff_err <= (dp == last_line);   // expected a transition (stuffed 0)
        end else begin
          bit_valid <= 1'b1;
          bit_data  <= nrzi;
          ones      <= nrzi ? ones + 1 : 0;
        end
      end
    end
  end
endmodule
