module tag_match (
  input  [15:0] tag_a,
  input  [15:0] tag_b,
  output        hit
);
  assign hit = tag_a == tag_b;
endmodule
