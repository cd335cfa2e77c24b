// 4-way true-LRU kept as an MRU stack of way numbers: stack[0] is the most recently used way,
// stack[3] the least. A hit moves the hit way to the top and pushes the ways above its old slot down.
module mru_stack4 (
  input  logic       clk,
  input  logic       rst,
  input  logic       hit,
  input  logic [1:0] hit_way,
  output logic [1:0] lru_way,
  output logic       hit_was_mru
);
  logic [1:0] stack [4];
  logic [1:0] pos;  // the slot that holds hit_way

  always_comb begin
    pos = 2'd0;
    for (int k = 0; k < 4; k++)
      if (stack[k] == hit_way) pos = 2'(k);
  end

  always_ff @(posedge clk) begin
    if (rst) begin
      for (int k = 0; k < 4; k++) stack[k] <= 2'(k);
    end else if (hit) begin
      stack[0] <= hit_way;
      for (int k = 1; k < 4; k++)
        if (2'(k) <= pos) stack[k] <= stack[k - 1];
    end
  end

  assign lru_way = stack[3];
  assign hit_was_mru = stack[0] == hit_way;
endmodule
