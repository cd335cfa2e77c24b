// Sum of absolute differences over a 4-pixel row (block-matching motion estimation).
module absdiff #(parameter int W = 8) (
  input  logic [W-1:0] a,
  input  logic [W-1:0] b,
  output logic [W-1:0] d
);
  // one W+1-bit subtraction; its borrow says which operand was larger, then conditional negate
  logic [W:0] diff;
  always_comb begin
    diff = {1'b0, a} - {1'b0, b};
    d    = diff[W] ? (~diff[W-1:0] + 1'b1) : diff[W-1:0];
  end
endmodule

module sad4 (
  input  logic [3:0][7:0] cur,
  input  logic [3:0][7:0] ref_px,
  output logic [9:0]      sad
);
  logic [3:0][7:0] d;
  for (genvar i = 0; i < 4; i++) begin : g_ad
    absdiff #(.W(8)) u_ad (.a(cur[i]), .b(ref_px[i]), .d(d[i]));
  end
  assign sad = d[0] + d[1] + d[2] + d[3];
endmodule
