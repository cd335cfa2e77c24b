// 8-bit linear interpolation: y = a + floor((b - a) * t / 256), one signed multiplier.
module lerp8 (
  input  wire [7:0] a,
  input  wire [7:0] b,
  input  wire [7:0] t,
  output wire [7:0] y
);
  wire signed [8:0]  d = $signed({1'b0, b}) - $signed({1'b0, a});
  wire signed [17:0] p = d * $signed({1'b0, t});
  assign y = a + p[15:8];
endmodule
