// SECDED(39,32) encoder: the parity-check matrix is a parameter (row k: the data bits whose codeword
// position has bit k set); a generate loop reduces each masked row, chk[6] is the overall parity of the
// data and the six check bits.
module secded39_enc #(
  parameter [6*32-1:0] H = {32'hFC000000, 32'h03FFF800, 32'h03FC07F0, 32'hE3C3C78E, 32'h9B33366D, 32'h56AAAD5B}
) (
  input  wire [31:0] d,
  output wire [6:0]  chk
);
  genvar k;
  generate
    for (k = 0; k < 6; k = k + 1) begin : g_row
      assign chk[k] = ^(d & H[k*32 +: 32]);
    end
  endgenerate
  assign chk[6] = ^{d, chk[5:0]};
endmodule
