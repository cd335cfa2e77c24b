// True-LRU order for one set of WAYS ways kept as a pairwise order matrix: newer[i][j] (i < j) says
// way i was used more recently than way j. An access makes the way newer than every other; the LRU
// way is the one no other way is older than.
module lru_ages #(
  parameter int WAYS = 8,
  localparam int AW = $clog2(WAYS)
) (
  input  logic          clk,
  input  logic          rst,
  input  logic          use_en,
  input  logic [AW-1:0] use_way,
  output logic [AW-1:0] lru_way,
  output logic          use_is_mru
);
  logic [WAYS-1:0][WAYS-1:0] newer;  // only i < j is stored

  always_ff @(posedge clk) begin
    if (rst) begin
      for (int i = 0; i < WAYS; i++)
        for (int j = i + 1; j < WAYS; j++) newer[i][j] <= 1'b0;  // way WAYS-1 newest .. way 0 oldest
    end else if (use_en) begin
      for (int i = 0; i < WAYS; i++)
        for (int j = i + 1; j < WAYS; j++)
          if (AW'(i) == use_way) newer[i][j] <= 1'b1;
          else if (AW'(j) == use_way) newer[i][j] <= 1'b0;
    end
  end

  always_comb begin
    lru_way = '0;
    use_is_mru = 1'b0;
    for (int w = 0; w < WAYS; w++) begin
      logic oldest, newest;
      oldest = 1'b1;
      newest = 1'b1;
      for (int v = 0; v < WAYS; v++)
        if (v < w) begin             // way w newer than way v: !newer[v][w]
          oldest &= newer[v][w];
          newest &= !newer[v][w];
        end else if (v > w) begin    // newer[w][v]
          oldest &= !newer[w][v];
          newest &= newer[w][v];
        end
      if (oldest) lru_way = AW'(w);
      if (AW'(w) == use_way) use_is_mru = newest;
    end
  end
endmodule

module tlb_lru4 (
  input  logic       clk,
  input  logic       rst,
  input  logic       hit,
  input  logic [1:0] hit_way,
  output logic [1:0] repl_way,
  output logic       hit_mru
);
  lru_ages #(.WAYS(4)) u_ages (
    .clk(clk), .rst(rst), .use_en(hit), .use_way(hit_way), .lru_way(repl_way), .use_is_mru(hit_mru)
  );
endmodule
