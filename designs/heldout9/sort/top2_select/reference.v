// Pick the largest and second-largest of six channel levels: one pass keeping the best two
// (two comparisons per element) instead of a full bubble sort.
module top2_scan #(parameter W = 8) (
  input  wire [6*W-1:0] in_flat,
  output reg  [W-1:0] m1,
  output reg  [W-1:0] m2
);
  reg [W-1:0] x;
  integer i;
  always @* begin
    if (in_flat[0 +: W] < in_flat[W +: W]) begin m1 = in_flat[W +: W]; m2 = in_flat[0 +: W]; end
    else begin m1 = in_flat[0 +: W]; m2 = in_flat[W +: W]; end
    for (i = 2; i < 6; i = i + 1) begin
      x = in_flat[i*W +: W];
      if (m1 < x) begin m2 = m1; m1 = x; end
      else if (m2 < x) m2 = x;
    end
  end
endmodule

module top2_of6 (
  input  wire [41:0] lv,
  output wire [6:0] best,
  output wire [6:0] second
);
  top2_scan #(.W(7)) u_s (.in_flat(lv), .m1(best), .m2(second));
endmodule
