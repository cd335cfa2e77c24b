// Sample-to-sample step limiter: the difference is clamped to +/-LIM, then doubled and clamped
// again to +/-250 for the output stage.
module delta_clamp (
  input  logic               clk,
  input  logic               rst,
  input  logic signed [11:0] cur,
  input  logic signed [11:0] prev,
  output logic signed [15:0] step_o
);
  localparam int LIM = 100;
  logic signed [15:0] d_q;    // clamped difference
  logic signed [15:0] s_q;    // doubled, clamped again
  logic signed [12:0] diff;

  always_comb diff = cur - prev;

  always_ff @(posedge clk) begin
    if (rst) begin
      d_q <= '0;
      s_q <= '0;
    end else begin
      d_q <= (diff > LIM) ? 16'(LIM) : (diff < -LIM) ? -16'(LIM) : 16'(diff);
      s_q <= (2 * d_q > 250) ? 16'sd250 : (2 * d_q < -250) ? -16'sd250 : 16'(2 * d_q);
    end
  end

  assign step_o = s_q;
endmodule
