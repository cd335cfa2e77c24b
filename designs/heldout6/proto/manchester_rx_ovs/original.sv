// Manchester decoder: OVS samples per bit, the bit value is the line level in the second half
// (sampled at 3/4 of the bit); a byte is reported after 8 bits.
module manchester_dec #(
  parameter int OVS = 16
) (
  input  logic       clk,
  input  logic       rst,
  input  logic       align,        // bit boundary found by the edge detector
  input  logic       line,
  output logic [7:0] rx_byte,
  output logic       rx_valid
);
  int         sample_cnt;
  int         bit_cnt;
  logic [7:0] shreg;

  always_ff @(posedge clk) begin
    if (rst) begin
      sample_cnt <= 0;
      bit_cnt    <= 0;
      shreg      <= '0;
      rx_byte    <= '0;
      rx_valid   <= 1'b0;
    end else begin
      rx_valid <= 1'b0;
      if (align) begin
        sample_cnt <= 1;
      end else begin
        sample_cnt <= (sample_cnt == OVS - 1) ? 0 : sample_cnt + 1;
        if (sample_cnt == (3 * OVS) / 4) begin
          shreg <= {shreg[6:0], line};
          if (bit_cnt == 7) begin
            bit_cnt  <= 0;
            rx_byte  <= {shreg[6:0], line};
            rx_valid <= 1'b1;
          end else begin
            bit_cnt <= bit_cnt + 1;
          end
        end
      end
    end
  end
endmodule

module manchester_rx (
  input  logic       clk,
  input  logic       rst,
  input  logic       align,
  input  logic       line,
  output logic [7:0] rx_byte,
  output logic       rx_valid
);
  manchester_dec #(.OVS(8)) u_dec (.*);
endmodule
