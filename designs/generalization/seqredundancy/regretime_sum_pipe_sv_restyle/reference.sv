// Register the 16-bit sum instead of the two 15-bit operands (adder moved before the flops).
module mag_sum_stage (
  input  logic        clk,
  input  logic        rst,
  input  logic        vld_in,
  input  logic [14:0] mag_i,
  input  logic [14:0] mag_q,
  output logic        vld_out,
  output logic [15:0] mag_sum
);
  always_ff @(posedge clk) begin
    if (rst) begin
      mag_sum <= '0;
      vld_out <= 1'b0;
    end else begin
      vld_out <= vld_in;
      if (vld_in) mag_sum <= mag_i + mag_q;
    end
  end
endmodule
