// One 17-bit adder with a separator; lane overflow from the operand and sum sign bits.
module simd8_ssat_function (
  input  wire [15:0] s0,
  input  wire [15:0] s1,
  input  wire        dual,
  output wire [15:0] mix,
  output wire        clip
);
  wire [16:0] s   = {s0[15:8], ~dual, s0[7:0]} + {s1[15:8], 1'b0, s1[7:0]};
  wire [15:0] sum = {s[16:9], s[7:0]};
  wire ov0 = (s0[7] == s1[7]) && (sum[7] != s0[7]);
  wire ov1 = (s0[15] == s1[15]) && (sum[15] != s0[15]);
  assign mix  = dual ? {ov1 ? {s0[15], {7{~s0[15]}}} : sum[15:8], ov0 ? {s0[7], {7{~s0[7]}}} : sum[7:0]} : sum;
  assign clip = dual && (ov0 || ov1);
endmodule
