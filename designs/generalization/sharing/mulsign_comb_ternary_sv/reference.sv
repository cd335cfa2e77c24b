// Multiply unit of a small DSP core: low word, or the high word of a signed, mixed or unsigned
// product. One 11x11 signed multiplier: x and w get their sign bit or a zero on top per kind.
module dsp_mulh (
  input  logic [1:0]  kind,   // 0 low, 1 signed x signed, 2 signed x unsigned, 3 unsigned x unsigned
  input  logic [9:0]  x,
  input  logic [9:0]  w,
  output logic [9:0]  r
);
  logic               sx, sw;
  logic signed [21:0] full;
  always_comb begin
    sx   = (kind == 2'd1) || (kind == 2'd2);
    sw   = (kind == 2'd1);
    full = $signed({sx & x[9], x}) * $signed({sw & w[9], w});
    r    = (kind == 2'd0) ? full[9:0] : full[19:10];
  end
endmodule
