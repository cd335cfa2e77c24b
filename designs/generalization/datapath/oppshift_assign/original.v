// Block-floating-point sample to 24-bit fixed point: small exponents shift
// the mantissa right, large ones shift it left (bias 15).
module bfp_to_fix (
  input  wire [9:0]  man,
  input  wire [4:0]  ex,
  output wire [23:0] val
);
  assign val = (ex < 5'd15) ? {14'd0, man} >> (5'd15 - ex)
                            : {14'd0, man} << (ex - 5'd15);
endmodule
