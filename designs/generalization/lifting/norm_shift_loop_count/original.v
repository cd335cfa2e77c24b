// Normalize a 20-bit magnitude one position at a time, counting the shifts, the
// way a software model does it; the count is the exponent decrement.
module mag_norm20 (
  input  wire [19:0] a,
  output reg  [19:0] n,
  output reg  [4:0]  cnt
);
  integer k;
  always @* begin
    n   = a;
    cnt = 5'd0;
    for (k = 0; k < 19; k = k + 1)
      if (!n[19]) begin
        n   = n << 1;
        cnt = cnt + 5'd1;
      end
  end
endmodule
