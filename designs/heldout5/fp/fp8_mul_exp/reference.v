// One exponent adder: the normalization carry enters as the carry-in.
module fp8_mul (
  input  wire [7:0] a,
  input  wire [7:0] b,
  output reg  [7:0] p
);
  wire       s  = a[7] ^ b[7];
  wire [3:0] ea = a[6:3], eb = b[6:3];
  wire [7:0] prod = {1'b1, a[2:0]} * {1'b1, b[2:0]};
  wire       norm = prod[7];
  wire [4:0] sum  = ea + eb + norm;                 // 0 .. 31, result exponent = sum - 7
  wire [2:0] m = norm ? prod[6:4] : prod[5:3];
  always @* begin
    if (ea == 4'd0 || eb == 4'd0 || sum < 5'd8)
      p = {s, 7'd0};
    else if (sum > 5'd22)
      p = {s, 4'hf, 3'b110};
    else
      p = {s, sum[3:0] + 4'd9, m};                  // sum - 7 (mod 16)
  end
endmodule
