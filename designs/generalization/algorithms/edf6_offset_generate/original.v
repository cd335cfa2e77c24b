// Earliest-deadline-first among six queues: absolute deadline = common base time + per-queue
// budget (computed one bit wider, so it never wraps); a comparator tree built with generate
// keeps the earlier one (the lower queue on ties).
module edf6_tree (
  input  wire [19:0] base_time,
  input  wire [47:0] budget,     // 6 x 8-bit budgets
  input  wire [5:0]  active,
  output wire [2:0]  sel,
  output wire        sel_valid,
  output wire [20:0] sel_deadline
);
  wire [20:0] dl [0:7];
  wire [7:0]  v;
  genvar g;
  generate
    for (g = 0; g < 8; g = g + 1) begin : leaf
      if (g < 6) begin : real_q
        assign dl[g] = base_time + budget[g*8 +: 8];
        assign v[g]  = active[g];
      end else begin : pad
        assign dl[g] = 21'd0;
        assign v[g]  = 1'b0;
      end
    end
  endgenerate
  // level 1
  wire [20:0] d1 [0:3];
  wire [2:0]  i1 [0:3];
  wire [3:0]  v1;
  generate
    for (g = 0; g < 4; g = g + 1) begin : l1
      wire take_b = v[2*g+1] && (!v[2*g] || dl[2*g+1] < dl[2*g]);
      assign d1[g] = take_b ? dl[2*g+1] : dl[2*g];
      assign i1[g] = take_b ? (2*g+1) : (2*g);
      assign v1[g] = v[2*g] | v[2*g+1];
    end
  endgenerate
  // level 2
  wire [20:0] d2 [0:1];
  wire [2:0]  i2 [0:1];
  wire [1:0]  v2;
  generate
    for (g = 0; g < 2; g = g + 1) begin : l2
      wire take_b = v1[2*g+1] && (!v1[2*g] || d1[2*g+1] < d1[2*g]);
      assign d2[g] = take_b ? d1[2*g+1] : d1[2*g];
      assign i2[g] = take_b ? i1[2*g+1] : i1[2*g];
      assign v2[g] = v1[2*g] | v1[2*g+1];
    end
  endgenerate
  wire take = v2[1] && (!v2[0] || d2[1] < d2[0]);
  assign sel_valid    = v2[0] | v2[1];
  assign sel          = sel_valid ? (take ? i2[1] : i2[0]) : 3'd0;
  assign sel_deadline = sel_valid ? (take ? d2[1] : d2[0]) : 21'd0;
endmodule
