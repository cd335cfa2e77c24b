// Signed block-exponent update of a fixed-point FFT stage: the exponent
// of the scaled and the unscaled result held in wires, a register takes one.
module blk_exp (
  input  wire              clk,
  input  wire signed [9:0] ex,
  input  wire signed [9:0] shift,
  input  wire              ovf,
  output reg  signed [9:0] ex_q
);
  wire signed [9:0] ex_scaled = ex - shift + 10'sd5;
  wire signed [9:0] ex_plain  = ex - shift + 10'sd4;
  always @(posedge clk)
    ex_q <= ovf ? ex_scaled : ex_plain;
endmodule
