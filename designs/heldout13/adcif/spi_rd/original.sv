// SPI read master for a serial ADC: CPOL=0, samples MISO on rising SCLK edges.
module adc_spi #(parameter int NB = 12, parameter int DIV = 4) (
  input  logic          clk,
  input  logic          rst,
  input  logic          go,
  input  logic          miso,
  output logic          sclk,
  output logic          cs_n,
  output logic [NB-1:0] sample,
  output logic          done
);
  logic [7:0]  div_cnt;
  logic [5:0]  edge_cnt;   // SCLK half-periods
  logic [4:0]  bit_cnt;    // bits received
  logic [NB-1:0] sh;
  logic        active;
  logic        half;
  assign half = (div_cnt == 8'(DIV - 1));

  always_ff @(posedge clk) begin
    if (rst) begin
      div_cnt <= '0; edge_cnt <= '0; bit_cnt <= '0; sh <= '0; sample <= '0;
      active <= 1'b0; sclk <= 1'b0; cs_n <= 1'b1; done <= 1'b0;
    end else begin
      done <= 1'b0;
      if (!active) begin
        if (go) begin
          active <= 1'b1; cs_n <= 1'b0; div_cnt <= '0; edge_cnt <= '0; bit_cnt <= '0;
        end
      end else if (half) begin
        div_cnt  <= '0;
        sclk     <= ~sclk;
        edge_cnt <= edge_cnt + 1'b1;
        if (!sclk) begin
          sh      <= {sh[NB-2:0], miso};
          bit_cnt <= bit_cnt + 1'b1;
        end
        if (edge_cnt == 6'(2*NB - 1)) begin
          active <= 1'b0; cs_n <= 1'b1; done <= 1'b1;
          sample <= sh;
        end
      end else begin
        div_cnt <= div_cnt + 1'b1;
      end
    end
  end
endmodule

module adc_frontend (
  input  logic        clk, rst, go, miso,
  output logic        sclk, cs_n, done,
  output logic [9:0]  sample
);
  adc_spi #(.NB(10), .DIV(3)) u_spi (.*);
endmodule
