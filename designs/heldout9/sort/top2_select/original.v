// Pick the largest and second-largest of six channel levels (e.g. for a 2-of-6 diversity combiner):
// the levels are bubble-sorted and the top two taken.
module sort6 #(parameter W = 8) (
  input  wire [6*W-1:0] in_flat,
  output reg  [6*W-1:0] out_flat
);
  reg [W-1:0] v [0:5];
  reg [W-1:0] t;
  integer i, j;
  always @* begin
    for (i = 0; i < 6; i = i + 1) v[i] = in_flat[i*W +: W];
    for (i = 0; i < 5; i = i + 1)
      for (j = 0; j < 5 - i; j = j + 1)
        if (v[j] < v[j+1]) begin t = v[j]; v[j] = v[j+1]; v[j+1] = t; end
    for (i = 0; i < 6; i = i + 1) out_flat[i*W +: W] = v[i];
  end
endmodule

module top2_of6 (
  input  wire [41:0] lv,
  output wire [6:0] best,
  output wire [6:0] second
);
  wire [41:0] sorted;
  sort6 #(.W(7)) u_s (.in_flat(lv), .out_flat(sorted));
  assign best   = sorted[6:0];
  assign second = sorted[13:7];
endmodule
