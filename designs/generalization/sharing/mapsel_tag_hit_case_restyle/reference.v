// Select the way's tag first, then one 20-bit comparator.
module way_hit (
  input      [19:0] tag0, tag1, tag2, tag3, tag4, tag5, tag6, tag7,
  input      [19:0] lookup_tag,
  input      [2:0]  way,
  input             lookup,
  output            hit
);
  wire [19:0] sel_tag = way[2] ? (way[1] ? (way[0] ? tag7 : tag6) : (way[0] ? tag5 : tag4))
                               : (way[1] ? (way[0] ? tag3 : tag2) : (way[0] ? tag1 : tag0));
  assign hit = lookup & (sel_tag == lookup_tag);
endmodule
