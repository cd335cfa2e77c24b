// Earliest-deadline-first among six queues: base + a < base + b <=> a < b (no wrap in 21 bits):
// the comparator tree compares the 8-bit budgets and the base time is added once, to the winner.
module edf6_tree (
  input  wire [19:0] base_time,
  input  wire [47:0] budget,
  input  wire [5:0]  active,
  output wire [2:0]  sel,
  output wire        sel_valid,
  output wire [20:0] sel_deadline
);
  wire [7:0] b0 = budget[7:0],   b1 = budget[15:8],  b2 = budget[23:16];
  wire [7:0] b3 = budget[31:24], b4 = budget[39:32], b5 = budget[47:40];
  // level 1: (0,1) (2,3) (4,5); the right one wins only when strictly earlier
  wire t01 = active[1] & (~active[0] | (b1 < b0));
  wire t23 = active[3] & (~active[2] | (b3 < b2));
  wire t45 = active[5] & (~active[4] | (b5 < b4));
  wire [7:0] m01 = t01 ? b1 : b0, m23 = t23 ? b3 : b2, m45 = t45 ? b5 : b4;
  wire [2:0] i01 = t01 ? 3'd1 : 3'd0, i23 = t23 ? 3'd3 : 3'd2, i45 = t45 ? 3'd5 : 3'd4;
  wire v01 = active[0] | active[1], v23 = active[2] | active[3], v45 = active[4] | active[5];
  // level 2: (01,23)
  wire tA = v23 & (~v01 | (m23 < m01));
  wire [7:0] mA = tA ? m23 : m01;
  wire [2:0] iA = tA ? i23 : i01;
  wire vA = v01 | v23;
  // level 3: (0123,45)
  wire tB = v45 & (~vA | (m45 < mA));
  wire [7:0] mB = tB ? m45 : mA;
  wire [2:0] iB = tB ? i45 : iA;
  assign sel_valid = vA | v45;
  assign sel = sel_valid ? iB : 3'd0;
  assign sel_deadline = sel_valid ? base_time + mB : 21'd0;
endmodule
