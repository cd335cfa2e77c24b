// Tag comparator: per-bit XNOR, then a balanced AND tree.
module tag_match (
  input  [15:0] tag_a,
  input  [15:0] tag_b,
  output        hit
);
  wire [15:0] same;
  assign same[0]  = ~(tag_a[0]  ^ tag_b[0]);
  assign same[1]  = ~(tag_a[1]  ^ tag_b[1]);
  assign same[2]  = ~(tag_a[2]  ^ tag_b[2]);
  assign same[3]  = ~(tag_a[3]  ^ tag_b[3]);
  assign same[4]  = ~(tag_a[4]  ^ tag_b[4]);
  assign same[5]  = ~(tag_a[5]  ^ tag_b[5]);
  assign same[6]  = ~(tag_a[6]  ^ tag_b[6]);
  assign same[7]  = ~(tag_a[7]  ^ tag_b[7]);
  assign same[8]  = ~(tag_a[8]  ^ tag_b[8]);
  assign same[9]  = ~(tag_a[9]  ^ tag_b[9]);
  assign same[10] = ~(tag_a[10] ^ tag_b[10]);
  assign same[11] = ~(tag_a[11] ^ tag_b[11]);
  assign same[12] = ~(tag_a[12] ^ tag_b[12]);
  assign same[13] = ~(tag_a[13] ^ tag_b[13]);
  assign same[14] = ~(tag_a[14] ^ tag_b[14]);
  assign same[15] = ~(tag_a[15] ^ tag_b[15]);
  wire [7:0] l1;
  wire [3:0] l2;
  wire [1:0] l3;
  assign l1 = same[15:8] & same[7:0];
  assign l2 = l1[7:4] & l1[3:0];
  assign l3 = l2[3:2] & l2[1:0];
  assign hit = l3[1] & l3[0];
endmodule
