module fill_level (
  input      [4:0] count,
  output reg       below_thresh,
  output reg       at_limit
);
  always @* below_thresh = count < 5'd12;
  always @* at_limit = (count >= 5'd24) && (count <= 5'd28);
endmodule
