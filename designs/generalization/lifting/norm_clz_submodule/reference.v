// Fraction normalize: a normalizing shifter whose stage decisions form the
// shift (16 when the mantissa is zero).
module frac_norm16 (
  input  wire [15:0] frac,
  output wire [15:0] mant,
  output wire [4:0]  shift
);
  wire        s3 = ~|frac[15:8];
  wire [15:0] m3 = s3 ? {frac[7:0], 8'd0} : frac;
  wire        s2 = ~|m3[15:12];
  wire [15:0] m2 = s2 ? {m3[11:0], 4'd0} : m3;
  wire        s1 = ~|m2[15:14];
  wire [15:0] m1 = s1 ? {m2[13:0], 2'd0} : m2;
  wire        s0 = ~m1[15];
  assign mant  = s0 ? {m1[14:0], 1'b0} : m1;
  assign shift = (s0 & ~m1[14]) ? 5'd16 : {1'b0, s3, s2, s1, s0};
endmodule
