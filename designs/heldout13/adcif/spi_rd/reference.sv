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
  // the divider stays below DIV = 3 (2 bits); the bit counter was edge_cnt / 2 and never read
  logic [1:0]  div_cnt;
  logic [4:0]  edge_cnt;   // SCLK half-periods, < 2*NB = 20
  logic [NB-1:0] sh;
  logic        active;
  logic        half;
  assign half = (div_cnt == 2'd2);

  always_ff @(posedge clk) begin
    if (rst) begin
      div_cnt <= '0; edge_cnt <= '0; sh <= '0; sample <= '0;
      active <= 1'b0; sclk <= 1'b0; cs_n <= 1'b1; done <= 1'b0;
    end else begin
      done <= 1'b0;
      if (!active) begin
        if (go) begin
          active <= 1'b1; cs_n <= 1'b0; div_cnt <= '0; edge_cnt <= '0;
        end
      end else if (half) begin
        div_cnt  <= '0;
        sclk     <= ~sclk;
        edge_cnt <= edge_cnt + 1'b1;
        if (!sclk) sh <= {sh[NB-2:0], miso};
        if (edge_cnt == 5'd19) begin
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
