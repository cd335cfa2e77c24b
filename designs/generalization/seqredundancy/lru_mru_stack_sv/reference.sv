// 4-way true-LRU as a pairwise order matrix instead of an MRU stack: behind[i][j] (i < j) says way i
// was used less recently than way j. A hit makes the way newer than every other; the LRU way is the
// one behind all others, the MRU way the one no other is newer than.
module mru_stack4 (
  input  logic       clk,
  input  logic       rst,
  input  logic       hit,
  input  logic [1:0] hit_way,
  output logic [1:0] lru_way,
  output logic       hit_was_mru
);
  logic b01, b02, b03, b12, b13, b23;
  logic [3:0] t;
  assign t = hit ? (4'b0001 << hit_way) : 4'b0000;

  always_ff @(posedge clk) begin
    if (rst) {b01, b02, b03, b12, b13, b23} <= '0;  // way 0 most recent .. way 3 least
    else begin
      b01 <= t[1] | (!t[0] & b01);
      b02 <= t[2] | (!t[0] & b02);
      b03 <= t[3] | (!t[0] & b03);
      b12 <= t[2] | (!t[1] & b12);
      b13 <= t[3] | (!t[1] & b13);
      b23 <= t[3] | (!t[2] & b23);
    end
  end

  logic [3:0] lru, mru;
  assign lru = { !b03 & !b13 & !b23,  !b02 & !b12 & b23,  !b01 & b12 & b13,  b01 & b02 & b03 };
  assign mru = {  b03 &  b13 &  b23,   b02 &  b12 & !b23,  b01 & !b12 & !b13, !b01 & !b02 & !b03 };
  assign lru_way = {lru[3] | lru[2], lru[3] | lru[1]};
  assign hit_was_mru = mru[hit_way];
endmodule
