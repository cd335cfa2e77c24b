// SPI slave receiver (mode 0), oversampled: SCLK and MOSI are synchronized to the system
// clock; a byte is complete after 8 rising SCLK edges while CS is low. The bit counter was
// declared as an int.
module spi_slave_rx (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       sclk,
  input  logic       cs_n,
  input  logic       mosi,
  output logic [7:0] rx_byte,
  output logic       rx_valid
);
  logic [2:0] sclk_sync;
  logic [1:0] mosi_sync, cs_sync;
  int         bit_cnt;
  logic [7:0] shreg;
  logic       sclk_rise;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      sclk_sync <= '0;
      mosi_sync <= '0;
      cs_sync   <= '1;
    end else begin
      sclk_sync <= {sclk_sync[1:0], sclk};
      mosi_sync <= {mosi_sync[0], mosi};
      cs_sync   <= {cs_sync[0], cs_n};
    end
  end

  assign sclk_rise = sclk_sync[1] && !sclk_sync[2];

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      bit_cnt  <= 0;
      shreg    <= '0;
      rx_byte  <= '0;
      rx_valid <= 1'b0;
    end else begin
      rx_valid <= 1'b0;
      if (cs_sync[1]) begin
        bit_cnt <= 0;
      end else if (sclk_rise) begin
        shreg <= {shreg[6:0], mosi_sync[1]};
        if (bit_cnt == 7) begin
          bit_cnt  <= 0;
          rx_byte  <= {shreg[6:0], mosi_sync[1]};
          rx_valid <= 1'b1;
        end else begin
          bit_cnt <= bit_cnt + 1;
        end
      end
    end
  end
endmodule
