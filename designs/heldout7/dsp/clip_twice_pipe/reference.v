// Gain stage with limiter: s1 = clip(a + b, +/-LIM); y = sat_W(s1 * 1.25)
module clip_pipe #(parameter W = 8, parameter LIM = 100) (
  input clk, input rst,
  input signed [W-1:0] a, input signed [W-1:0] b,
  output reg signed [W-1:0] y
);
  reg signed [W-1:0] s1;
  wire signed [W:0]   sum  = a + b;
  wire signed [W+1:0] g    = s1 + (s1 >>> 2);
  always @(posedge clk) begin
    if (rst) begin s1 <= 0; y <= 0; end
    else begin
      if (sum > LIM)       s1 <= LIM;
      else if (sum < -LIM) s1 <= -LIM;
      else                 s1 <= sum[W-1:0];
      y <= g[W-1:0];                 // |s1| <= LIM, so |g| <= 1.25*LIM fits W bits
    end
  end
endmodule

module clip_pipe10 (input clk, input rst, input signed [9:0] a, input signed [9:0] b, output signed [9:0] y);
  clip_pipe #(.W(10), .LIM(300)) u_c (.clk(clk), .rst(rst), .a(a), .b(b), .y(y));
endmodule
