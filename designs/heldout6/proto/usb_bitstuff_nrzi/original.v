// USB full-speed transmit path: bit stuffing (a 0 after six 1s) and NRZI encoding.
module usb_tx_stuff (
  input      clk,
  input      rst,
  input      bit_en,     // one bit time
  input      din,        // data bit from the serializer
  output     ready,      // serializer may advance (low while a stuff bit is sent)
  output reg dp          // line state (J = 1)
);
  integer ones;          // consecutive ones sent
  reg     level;         // NRZI level

  assign ready = (ones != 6);

  always @(posedge clk) begin
    if (rst) begin
      ones  <= 0;
      level <= 1'b1;
      dp    <= 1'b1;
    end else if (bit_en) begin
      if (ones == 6) begin            // stuffed zero: toggle
        ones  <= 0;
        level <= ~level;
        dp    <= ~level;
      end else if (din) begin         // one: no transition
        ones  <= ones + 1;
        dp    <= level;
      end else begin                  // zero: transition
        ones  <= 0;
        level <= ~level;
        dp    <= ~level;
      end
    end
  end
endmodule
