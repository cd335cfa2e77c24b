// Sample-to-sample step limiter: |d_q| <= 100 fits 8 signed bits, |2 * d_q| <= 200 never reaches
// the second clamp and fits 9 signed bits.
module delta_clamp (
  input  logic               clk,
  input  logic               rst,
  input  logic signed [11:0] cur,
  input  logic signed [11:0] prev,
  output logic signed [15:0] step_o
);
  localparam int LIM = 100;
  logic signed [7:0]  d_q;    // clamped difference
  logic signed [8:0]  s_q;    // doubled
  logic signed [12:0] diff;

  always_comb diff = cur - prev;

  always_ff @(posedge clk) begin
    if (rst) begin
      d_q <= '0;
      s_q <= '0;
    end else begin
      d_q <= (diff > LIM) ? 8'(LIM) : (diff < -LIM) ? -8'(LIM) : 8'(diff);
      s_q <= 9'(2 * d_q);
    end
  end

  assign step_o = s_q;
endmodule
