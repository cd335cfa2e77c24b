// 4-way true-LRU of a small TLB, each way's age in a register of its own (0 = most recently used,
// 3 = least). A lookup hit makes the way age 0 and every way younger than it one older. One
// always_ff per way, the update written as a ternary.
module tlb_ages4 (
  input  logic       clk,
  input  logic       rst,
  input  logic       hit,
  input  logic [1:0] hit_way,
  output logic [1:0] repl_way,
  output logic       hit_mru
);
  logic [1:0] age_a, age_b, age_c, age_d;
  logic [1:0] age_hit;

  always_comb begin
    unique case (hit_way)
      2'd0: age_hit = age_a;
      2'd1: age_hit = age_b;
      2'd2: age_hit = age_c;
      default: age_hit = age_d;
    endcase
  end

  always_ff @(posedge clk)
    if (rst) age_a <= 2'd0;
    else age_a <= (hit && hit_way == 2'd0) ? 2'd0 : (hit && age_a < age_hit) ? age_a + 2'd1 : age_a;
  always_ff @(posedge clk)
    if (rst) age_b <= 2'd1;
    else age_b <= (hit && hit_way == 2'd1) ? 2'd0 : (hit && age_b < age_hit) ? age_b + 2'd1 : age_b;
  always_ff @(posedge clk)
    if (rst) age_c <= 2'd2;
    else age_c <= (hit && hit_way == 2'd2) ? 2'd0 : (hit && age_c < age_hit) ? age_c + 2'd1 : age_c;
  always_ff @(posedge clk)
    if (rst) age_d <= 2'd3;
    else age_d <= (hit && hit_way == 2'd3) ? 2'd0 : (hit && age_d < age_hit) ? age_d + 2'd1 : age_d;

  always_comb begin
    repl_way = 2'd0;
    if (age_b == 2'd3) repl_way = 2'd1;
    if (age_c == 2'd3) repl_way = 2'd2;
    if (age_d == 2'd3) repl_way = 2'd3;
  end
  assign hit_mru = age_hit == 2'd0;
endmodule
