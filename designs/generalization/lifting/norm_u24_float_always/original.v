// Unsigned 24-bit sample to a 32-bit float (exact: 24 bits fit the mantissa).
// One always block: leading-zero count, normalized mantissa, exponent, result.
module u24_to_f32 (
  input  wire [23:0] x,
  output reg  [31:0] f
);
  reg [4:0]  lz;
  reg [23:0] nm;
  reg [7:0]  ex;
  integer i;
  always @* begin
    lz = 5'd0;
    for (i = 0; i < 24; i = i + 1)
      if (x[i]) lz = 23 - i;
    nm = x << lz;
    ex = 8'd150 - {3'd0, lz};   // 127 + 23 - lz
    if (x == 24'd0) f = 32'd0;
    else            f = {1'b0, ex, nm[22:0]};
  end
endmodule
