// Two-channel audio mixer: the sum of two signed 16-bit samples clamped to the 16-bit range.
// A 17-bit sum: above the range iff bit 16 (the true sign) is clear and bit 15 set, below iff
// bit 16 is set and bit 15 clear.
module mix2_sat (
  input  logic signed [15:0] left,
  input  logic signed [15:0] right,
  output logic signed [15:0] mono,
  output logic               clip
);
  logic [16:0] sum;
  logic        hi, lo;
  assign sum  = {left[15], left} + {right[15], right};
  assign hi   = ~sum[16] & sum[15];
  assign lo   = sum[16] & ~sum[15];
  assign clip = hi | lo;
  assign mono = hi ? 16'h7fff : lo ? 16'h8000 : sum[15:0];
endmodule
