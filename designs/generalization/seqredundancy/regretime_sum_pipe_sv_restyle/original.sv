// Energy accumulator front end: the I and Q magnitudes are registered, and the next stage only
// ever uses their sum.
module mag_sum_stage (
  input  logic        clk,
  input  logic        rst,
  input  logic        vld_in,
  input  logic [14:0] mag_i,
  input  logic [14:0] mag_q,
  output logic        vld_out,
  output logic [15:0] mag_sum
);
  logic [14:0] i_q, q_q;

  always_ff @(posedge clk) begin
    if (rst) begin
      i_q     <= '0;
      q_q     <= '0;
      vld_out <= 1'b0;
    end else begin
      vld_out <= vld_in;
      if (vld_in) begin
        i_q <= mag_i;
        q_q <= mag_q;
      end
    end
  end

  assign mag_sum = i_q + q_q;
endmodule
