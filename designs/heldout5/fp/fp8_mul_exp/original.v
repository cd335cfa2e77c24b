// FP8 (E4M3, bias 7) multiplier, truncating; subnormal inputs flush to zero,
// results that underflow flush to zero, overflow saturates to the largest finite.
module fp8_mul (
  input  wire [7:0] a,
  input  wire [7:0] b,
  output reg  [7:0] p
);
  wire       sa = a[7], sb = b[7];
  wire [3:0] ea = a[6:3], eb = b[6:3];
  wire [7:0] prod = {1'b1, a[2:0]} * {1'b1, b[2:0]};
  wire       norm = prod[7];                         // product in [2,4)
  // biased exponent of the result for both product ranges
  wire signed [6:0] e_lo = $signed({3'b000, ea}) + $signed({3'b000, eb}) - 7'sd7;
  wire signed [6:0] e_hi = $signed({3'b000, ea}) + $signed({3'b000, eb}) - 7'sd6;
  wire signed [6:0] e    = norm ? e_hi : e_lo;
  wire [2:0]  m = norm ? prod[6:4] : prod[5:3];
  always @* begin
    if (ea == 4'd0 || eb == 4'd0 || e < 7'sd1)
      p = {sa ^ sb, 7'd0};
    else if (e > 7'sd15)
      p = {sa ^ sb, 4'hf, 3'b110};
    else
      p = {sa ^ sb, e[3:0], m};
  end
endmodule
