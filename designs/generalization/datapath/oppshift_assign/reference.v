// One left shift by the exponent; the bias is a constant slice.
module bfp_to_fix (
  input  wire [9:0]  man,
  input  wire [4:0]  ex,
  output wire [23:0] val
);
  wire [40:0] t = {31'd0, man} << ex;
  assign val = t[38:15];
endmodule
