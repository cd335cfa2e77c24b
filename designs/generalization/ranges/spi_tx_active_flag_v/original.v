// SPI master transmit shifter (mode 0): 16-bit frames, SCLK = clk / (2*HALF).
module spi_tx #(
  parameter HALF = 4
) (
  input             clk,
  input             reset,
  input             go,
  input      [15:0] word,
  output reg        sclk,
  output            mosi,
  output reg        active
);
  integer    half_cnt;
  integer    bits_left;
  reg [15:0] sr;

  assign mosi = sr[15];

  always @(posedge clk) begin
    if (reset) begin
      half_cnt  <= 0;
      bits_left <= 0;
      sr        <= 16'd0;
      sclk      <= 1'b0;
      active    <= 1'b0;
    end else begin
      case (active)
        1'b0: begin
          if (go) begin
            sr        <= word;
            bits_left <= 16;
            half_cnt  <= 0;
            active    <= 1'b1;
          end
        end
        1'b1: begin
          if (half_cnt == HALF - 1) begin
            half_cnt <= 0;
            sclk     <= ~sclk;
            if (sclk) begin               // falling edge: next bit
              sr        <= {sr[14:0], 1'b0};
              bits_left <= bits_left - 1;
              if (bits_left == 1) active <= 1'b0;
            end
          end else begin
            half_cnt <= half_cnt + 1;
          end
        end
      endcase
    end
  end
endmodule

module spi_tx_top (
  input         clk,
  input         reset,
  input         go,
  input  [15:0] word,
  output        sclk,
  output        mosi,
  output        active
);
  spi_tx #(.HALF(6)) u_tx (.clk(clk), .reset(reset), .go(go), .word(word), .sclk(sclk), .mosi(mosi),
                           .active(active));
endmodule
