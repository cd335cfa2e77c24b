// Successive-approximation ADC controller: a one-hot trial bit walks from the MSB to the LSB; the
// comparator decides whether each trial bit stays. A bit counter and a busy flag are kept alongside.
module sar_logic #(parameter int N = 12) (
  input  logic clk, rst,
  input  logic start,
  input  logic cmp_hi,          // comparator: DAC(trial) <= Vin
  output logic [N-1:0] dac,
  output logic [N-1:0] result,
  output logic eoc,
  output logic busy
);
  logic [N-1:0] mask, sar;
  logic [$clog2(N+1)-1:0] bitcnt;
  always_ff @(posedge clk) begin
    if (rst) begin
      mask <= '0; sar <= '0; bitcnt <= '0; busy <= 1'b0; eoc <= 1'b0; result <= '0;
    end else begin
      eoc <= 1'b0;
      if (start && !busy) begin
        mask <= {1'b1, {(N-1){1'b0}}};
        sar  <= '0;
        bitcnt <= N[$clog2(N+1)-1:0];
        busy <= 1'b1;
      end else if (busy) begin
        if (cmp_hi) sar <= sar | mask;
        mask   <= mask >> 1;
        bitcnt <= bitcnt - 1'b1;
        if (bitcnt == 1) begin
          busy <= 1'b0;
          eoc  <= 1'b1;
          result <= cmp_hi ? (sar | mask) : sar;
        end
      end
    end
  end
  assign dac = sar | mask;
endmodule

module adc_sar (
  input  logic clk, rst, start, cmp_hi,
  output logic [9:0] dac, result,
  output logic eoc, busy
);
  sar_logic #(.N(10)) u_sar (.*);
endmodule
