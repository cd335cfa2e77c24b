// sample * 2**g is a left shift by g.
module gain_pow2 (
  input  wire [11:0] sample,
  input  wire [2:0]  g,
  output wire [19:0] scaled
);
  assign scaled = {8'd0, sample} << g;
endmodule
