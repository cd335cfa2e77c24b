// Two-channel audio mixer: the sum of two signed 16-bit samples, held in an int and clamped to
// the 16-bit range with continuous assignments.
module mix2_sat (
  input  logic signed [15:0] left,
  input  logic signed [15:0] right,
  output logic signed [15:0] mono,
  output logic               clip
);
  int sum;
  assign sum  = left + right;
  assign mono = (sum > 32767) ? 16'sh7fff : (sum < -32768) ? 16'sh8000 : 16'(sum);
  assign clip = (sum > 32767) || (sum < -32768);
endmodule
