// Multiply unit of a small DSP core: low word, or the high word of a signed, mixed or unsigned
// product. Each flavour is computed in the combinational block; a ?: chain picks the result.
module dsp_mulh (
  input  logic [1:0]  kind,   // 0 low, 1 signed x signed, 2 signed x unsigned, 3 unsigned x unsigned
  input  logic [9:0]  x,
  input  logic [9:0]  w,
  output logic [9:0]  r
);
  logic signed [19:0] full_ss;
  logic signed [20:0] full_su;
  logic        [19:0] full_uu;
  always_comb begin
    full_uu = $unsigned(x) * $unsigned(w);
    full_ss = $signed(x) * $signed(w);
    full_su = $signed(x) * $signed({1'b0, w});
    r = (kind == 2'd1) ? full_ss[19:10] :
        (kind == 2'd2) ? full_su[19:10] :
        (kind == 2'd3) ? full_uu[19:10] : full_uu[9:0];
  end
endmodule
