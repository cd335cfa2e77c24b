// 4-entry true-LRU of an arbiter as a pairwise order matrix: older_ij (i < j) says requester i was
// granted less recently than requester j. A grant makes the requester newer than every other.
module lru_arb4 (
  input  wire       clk,
  input  wire       rst,
  input  wire       gnt_vld,
  input  wire [1:0] gnt_id,
  output reg  [1:0] oldest,
  output wire       id0_newest
);
  reg  [5:0] older;  // {o23, o13, o12, o03, o02, o01}
  wire [3:0] g = gnt_vld ? (4'b0001 << gnt_id) : 4'b0000;

  // reset ages 3, 0, 1, 2: requester 1 oldest, then 2, 3, 0 newest
  always @(posedge clk)
    if (rst) older <= 6'b111000;
    else begin
      older[0] <= g[1] | (~g[0] & older[0]);  // 0 older than 1
      older[1] <= g[2] | (~g[0] & older[1]);  // 0 older than 2
      older[2] <= g[3] | (~g[0] & older[2]);  // 0 older than 3
      older[3] <= g[2] | (~g[1] & older[3]);  // 1 older than 2
      older[4] <= g[3] | (~g[1] & older[4]);  // 1 older than 3
      older[5] <= g[3] | (~g[2] & older[5]);  // 2 older than 3
    end

  wire old1 = ~older[0] & older[3] & older[4];
  wire old2 = ~older[1] & ~older[3] & older[5];
  wire old3 = ~older[2] & ~older[4] & ~older[5];
  always @* oldest = {old2 | old3, old1 | old3};
  assign id0_newest = ~older[0] & ~older[1] & ~older[2];
endmodule
