// Tree pseudo-LRU replacement state for one set of a 4-way cache. On every access the tree
// bits are pointed away from the accessed way; the victim way (and its one-hot form for the
// refill write enables) is registered for the refill path.
module plru4 (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       access,
  input  logic [1:0] way,
  output logic [1:0] victim,
  output logic [3:0] victim_oh
);
  logic [2:0] tree, tree_nx;   // tree[0]: root (1 = victim in right half), tree[1]: left pair, tree[2]: right pair

  function automatic logic [1:0] pick(input logic [2:0] t);
    pick = t[0] ? {1'b1, t[2]} : {1'b0, t[1]};
  endfunction

  always_comb begin
    tree_nx = tree;
    if (access) begin
      tree_nx[0] = ~way[1];
      if (way[1]) tree_nx[2] = ~way[0];
      else        tree_nx[1] = ~way[0];
    end
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      tree      <= '0;
      victim    <= 2'd0;
      victim_oh <= 4'b0001;
    end else begin
      tree      <= tree_nx;
      victim    <= pick(tree_nx);
      victim_oh <= 4'b0001 << pick(tree_nx);
    end
  end
endmodule
