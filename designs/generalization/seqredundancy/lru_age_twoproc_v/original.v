// 4-entry true-LRU for a round-robin-by-recency arbiter, written as two processes: the next ages are
// computed combinationally (age 3 = most recently granted), the clocked process copies them. A grant
// makes the granted requester the most recent; the others above its old age move down by one.
module lru_arb4 (
  input  wire       clk,
  input  wire       rst,
  input  wire       gnt_vld,
  input  wire [1:0] gnt_id,
  output reg  [1:0] oldest,
  output wire       id0_newest
);
  reg [1:0] age    [0:3];
  reg [1:0] age_nx [0:3];
  integer i;

  always @* begin
    for (i = 0; i < 4; i = i + 1) begin
      age_nx[i] = age[i];
      if (gnt_vld) begin
        if (gnt_id == i)
          age_nx[i] = 2'd3;
        else if (age[i] > age[gnt_id])
          age_nx[i] = age[i] - 2'd1;
      end
    end
  end

  always @(posedge clk)
    if (rst) begin
      age[0] <= 2'd3; age[1] <= 2'd0; age[2] <= 2'd1; age[3] <= 2'd2;
    end else begin
      for (i = 0; i < 4; i = i + 1)
        age[i] <= age_nx[i];
    end

  always @* begin
    oldest = 2'd0;
    for (i = 0; i < 4; i = i + 1)
      if (age[i] == 2'd0) oldest = i;
  end
  assign id0_newest = age[0] == 2'd3;
endmodule
