// Mantissa normalization: staged (8/4/2/1) shifts; each stage's test is one bit of the count.
module fp_norm #(
  parameter W  = 16,
  parameter SW = $clog2(W)
) (
  input  wire [W-1:0]  mant_in,
  output wire [W-1:0]  mant_out,
  output reg  [SW-1:0] lz,
  output wire          zero
);
  reg [W-1:0] m;
  integer s;
  always @* begin
    m = mant_in;
    for (s = SW - 1; s >= 0; s = s - 1) begin
      lz[s] = (m[W-1 -: (1 << s)] == {(1 << s){1'b0}});
      if (lz[s]) m = m << (1 << s);
    end
  end
  // all-zero input: the stages give lz = all ones = W-1 and m = 0, as the scan does
  assign mant_out = m;
  assign zero     = (mant_in == {W{1'b0}});
endmodule
