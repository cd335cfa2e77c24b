// Mantissa normalization for a small float packer: shift left until the MSB is set.
module fp_norm #(
  parameter W  = 16,
  parameter SW = $clog2(W)
) (
  input  wire [W-1:0]  mant_in,
  output wire [W-1:0]  mant_out,
  output reg  [SW-1:0] lz,
  output wire          zero
);
  integer i;
  always @* begin
    lz = W - 1;                       // all-zero input: report W-1, shift is don't-care
    for (i = 0; i < W; i = i + 1)
      if (mant_in[i])
        lz = W - 1 - i;
  end
  assign mant_out = mant_in << lz;
  assign zero     = (mant_in == {W{1'b0}});
endmodule
