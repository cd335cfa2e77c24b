// SPI master, mode 0, MSB first, SCLK = clk/2
module spi_master (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       start,
  input  logic [7:0] tx_byte,
  output logic [7:0] rx_byte,
  output logic       done,
  output logic       busy,
  output logic       sclk,
  output logic       mosi,
  input  logic       miso,
  output logic       cs_n
);
  typedef enum logic [1:0] {IDLE, LOW, HIGH, FINISH} st_t;
  st_t st;
  logic [2:0]  nbits;
  logic [7:0]  sh;

  assign mosi = sh[7];
  assign busy = (st != IDLE);

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; nbits <= '0; sh <= '0; rx_byte <= '0; done <= 1'b0;
      sclk <= 1'b0; cs_n <= 1'b1;
    end else begin
      done <= 1'b0;
      unique case (st)
        IDLE: if (start) begin
          st <= LOW; sh <= tx_byte; nbits <= '0; cs_n <= 1'b0;
        end
        LOW: begin                         // sclk low: data is stable, rise next
          sclk <= 1'b1; st <= HIGH;
          rx_byte <= {rx_byte[6:0], miso};
        end
        HIGH: begin                        // sclk high: shift out the next bit on the fall
          sclk <= 1'b0;
          sh <= {sh[6:0], 1'b0};
          if (nbits == 3'd7) st <= FINISH;
          else begin nbits <= nbits + 3'd1; st <= LOW; end
        end
        FINISH: begin
          cs_n <= 1'b1; done <= 1'b1; st <= IDLE;
        end
      endcase
    end
  end
endmodule
