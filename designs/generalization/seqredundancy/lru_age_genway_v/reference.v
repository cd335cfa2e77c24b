// 4-way true-LRU replacement state as a pairwise order matrix: old_ij (i < j) says way i was used
// less recently than way j. A touch (hit way, or the victim on a refill) makes the way newer than
// every other; the victim is the way older than the other three.
module plru_way4 (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       hit,
  input  wire [1:0] hit_way,
  input  wire       refill,
  output reg  [1:0] victim,
  output wire       victim_is_w0
);
  reg  old01, old02, old03, old12, old13, old23;
  wire touch = hit | refill;
  wire [1:0] tway = hit ? hit_way : victim;
  wire [3:0] t = touch ? (4'b0001 << tway) : 4'b0000;

  // reset: way 0 least recently used .. way 3 most recently used
  always @(posedge clk or negedge rst_n)
    if (!rst_n) {old01, old02, old03, old12, old13, old23} <= 6'b111111;
    else begin
      old01 <= t[1] | (~t[0] & old01);
      old02 <= t[2] | (~t[0] & old02);
      old03 <= t[3] | (~t[0] & old03);
      old12 <= t[2] | (~t[1] & old12);
      old13 <= t[3] | (~t[1] & old13);
      old23 <= t[3] | (~t[2] & old23);
    end

  wire lru0 = old01 & old02 & old03;
  wire lru1 = ~old01 & old12 & old13;
  wire lru2 = ~old02 & ~old12 & old23;
  wire lru3 = ~old03 & ~old13 & ~old23;
  always @* victim = {lru2 | lru3, lru1 | lru3};
  assign victim_is_w0 = lru0;
endmodule
