// Way-hit check of an 8-way victim buffer: the way chosen by the replacement pointer is compared
// against the lookup tag. Written as a case on the way number, one compare per arm.
module way_hit (
  input      [19:0] tag0, tag1, tag2, tag3, tag4, tag5, tag6, tag7,
  input      [19:0] lookup_tag,
  input      [2:0]  way,
  input             lookup,
  output reg        hit
);
  reg match;
  always @* begin
    case (way)
      3'd0: match = (tag0 == lookup_tag);
      3'd1: match = (tag1 == lookup_tag);
      3'd2: match = (tag2 == lookup_tag);
      3'd3: match = (tag3 == lookup_tag);
      3'd4: match = (tag4 == lookup_tag);
      3'd5: match = (tag5 == lookup_tag);
      3'd6: match = (tag6 == lookup_tag);
      default: match = (tag7 == lookup_tag);
    endcase
    hit = lookup & match;
  end
endmodule
