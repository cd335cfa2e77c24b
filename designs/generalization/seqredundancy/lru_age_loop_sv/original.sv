// True-LRU ages for one set of WAYS ways, most recent = WAYS-1: an access gives the accessed way the
// top age and every way above its old age steps down by one. The LRU way is the one at age 0.
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
  logic [AW-1:0] age [WAYS];

  always_ff @(posedge clk) begin
    if (rst) begin
      for (int w = 0; w < WAYS; w++) age[w] <= AW'(w);
    end else if (use_en) begin
      for (int w = 0; w < WAYS; w++) begin
        if (AW'(w) == use_way) age[w] <= AW'(WAYS - 1);
        else if (age[w] > age[use_way]) age[w] <= age[w] - 1'b1;
      end
    end
  end

  always_comb begin
    lru_way = '0;
    for (int w = 0; w < WAYS; w++)
      if (age[w] == '0) lru_way = AW'(w);
  end
  assign use_is_mru = age[use_way] == AW'(WAYS - 1);
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
