// Least-loaded of four queues: index (last one on ties) and its occupancy, 12-bit counters.
module least_loaded4 (
  input      [11:0] q0, q1, q2, q3,
  output reg [1:0]  pick,
  output reg [11:0] occ
);
  integer k;
  reg [11:0] lv [0:3];
  always @* begin
    lv[0] = q0; lv[1] = q1; lv[2] = q2; lv[3] = q3;
    pick = 2'd0;
    occ  = q0;
    for (k = 1; k < 4; k = k + 1)
      if (lv[k] <= occ) begin
        pick = k[1:0];
        occ  = lv[k];
      end
  end
endmodule
