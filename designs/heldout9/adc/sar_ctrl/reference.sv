// Successive-approximation ADC controller: a one-hot trial bit walks from the MSB to the LSB; the
// comparator decides whether each trial bit stays. busy is mask != 0; the last trial is mask[0].
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
  always_ff @(posedge clk) begin
    if (rst) begin
      mask <= '0; sar <= '0; eoc <= 1'b0; result <= '0;
    end else begin
      eoc <= 1'b0;
      if (start && !busy) begin
        mask <= {1'b1, {(N-1){1'b0}}};
        sar  <= '0;
      end else if (busy) begin
        if (cmp_hi) sar <= sar | mask;
        mask   <= mask >> 1;
        if (mask[0]) begin
          eoc  <= 1'b1;
          result <= cmp_hi ? (sar | mask) : sar;
        end
      end
    end
  end
  assign dac = sar | mask;
  assign busy = |mask;
endmodule

module adc_sar (
  input  logic clk, rst, start, cmp_hi,
  output logic [9:0] dac, result,
  output logic eoc, busy
);
  sar_logic #(.N(10)) u_sar (.*);
endmodule
