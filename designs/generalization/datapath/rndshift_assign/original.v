// Unsigned 32-bit normalizer with round-half-up: the shifted value plus
// the last bit shifted out (continuous assignments).
module norm_round (
  input  wire [31:0] acc,
  input  wire [4:0]  n,
  output wire [31:0] res
);
  wire [31:0] sh  = acc >> n;
  wire        rnd = (n != 5'd0) ? acc[n - 5'd1] : 1'b0;
  assign res = sh + rnd;
endmodule
