// SPI master transmit shifter: narrow counters, active decoded from the bit counter.
module spi_tx #(
  parameter HALF = 4
) (
  input             clk,
  input             reset,
  input             go,
  input      [15:0] word,
  output reg        sclk,
  output            mosi,
  output            active
);
  localparam HW = (HALF > 1) ? $clog2(HALF) : 1;
  reg [HW-1:0] half_cnt;
  reg [4:0]    bits_left;
  reg [15:0]   sr;

  assign mosi   = sr[15];
  assign active = (bits_left != 5'd0);

  always @(posedge clk) begin
    if (reset) begin
      half_cnt  <= {HW{1'b0}};
      bits_left <= 5'd0;
      sr        <= 16'd0;
      sclk      <= 1'b0;
    end else if (!active) begin
      if (go) begin
        sr        <= word;
        bits_left <= 5'd16;
        half_cnt  <= {HW{1'b0}};
      end
    end else if (half_cnt == HALF - 1) begin
      half_cnt <= {HW{1'b0}};
      sclk     <= ~sclk;
      if (sclk) begin
        sr        <= {sr[14:0], 1'b0};
        bits_left <= bits_left - 5'd1;
      end
    end else begin
      half_cnt <= half_cnt + 1'b1;
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
