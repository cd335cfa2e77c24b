module zero_count (
  input      [15:0] v,
  input             from_msb,
  output reg [4:0]  n
);
  // leading zeros: the highest one wins (scan up, last hit overrides);
  // trailing zeros: the lowest one wins (scan down, last hit overrides)
  integer i;
  reg [4:0] lz, tz;
  always @* begin
    lz = 5'd16;
    tz = 5'd16;
    for (i = 0; i < 16; i = i + 1)
      if (v[i]) lz = 5'd15 - i[4:0];
    for (i = 15; i >= 0; i = i - 1)
      if (v[i]) tz = i[4:0];
    n = from_msb ? lz : tz;
  end
endmodule

module fp_normalize (
  input  [15:0] mant_a,
  input  [15:0] mant_b,
  output [4:0]  shift_a,
  output [4:0]  shift_b
);
  zero_count u_a (.v(mant_a), .from_msb(1'b1), .n(shift_a));
  zero_count u_b (.v(mant_b), .from_msb(1'b1), .n(shift_b));
endmodule
