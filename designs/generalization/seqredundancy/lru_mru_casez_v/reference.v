// Replacement order of a 4-entry victim buffer as a pairwise order matrix: b_ij (i < j) = entry i was
// used before entry j (is older). A use makes the entry newer than every other; the evicted entry is
// older than all the rest. Reset order: entry 3 newest, entry 0 oldest.
module vbuf_order (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       use_en,
  input  wire [1:0] use_id,
  output reg  [1:0] evict_id,
  output wire       use_is_last
);
  reg b01, b02, b03, b12, b13, b23;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) {b01, b02, b03, b12, b13, b23} <= 6'b111111;
    else if (use_en) begin
      if (use_id == 2'd0) begin b01 <= 1'b0; b02 <= 1'b0; b03 <= 1'b0; end
      if (use_id == 2'd1) begin b01 <= 1'b1; b12 <= 1'b0; b13 <= 1'b0; end
      if (use_id == 2'd2) begin b02 <= 1'b1; b12 <= 1'b1; b23 <= 1'b0; end
      if (use_id == 2'd3) begin b03 <= 1'b1; b13 <= 1'b1; b23 <= 1'b1; end
    end
  wire [3:0] newest = {b03 & b13 & b23, b02 & b12 & ~b23, b01 & ~b12 & ~b13, ~b01 & ~b02 & ~b03};
  always @* begin
    evict_id = 2'd0;
    if (~b01 & b12 & b13) evict_id = 2'd1;
    if (~b02 & ~b12 & b23) evict_id = 2'd2;
    if (~b03 & ~b13 & ~b23) evict_id = 2'd3;
  end
  assign use_is_last = newest[use_id];
endmodule
