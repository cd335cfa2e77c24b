// Limiter then a 1.5x gain stage: |s1| <= 200 fits 9 signed bits and |1.5 * s1| <= 300 never
// reaches the output saturation.
module clip_gain (
  input                   clk,
  input                   rst,
  input      signed [11:0] x,
  output reg signed [9:0]  y
);
  reg  signed [8:0]  s1;                    // limited sample
  wire signed [16:0] g = s1 + (s1 >>> 1);   // 1.5 * s1

  always @(posedge clk) begin
    if (rst) begin
      s1 <= 9'sd0;
      y  <= 10'sd0;
    end else begin
      if (x > 12'sd200)
        s1 <= 9'sd200;
      else if (x < -12'sd200)
        s1 <= -9'sd200;
      else
        s1 <= x[8:0];
      y <= g[9:0];
    end
  end
endmodule
