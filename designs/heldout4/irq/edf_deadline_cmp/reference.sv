// Earliest-deadline-first pick among four ready tasks: each task's absolute deadline is the
// common release time plus its relative deadline; the task with the smallest absolute
// deadline wins (lowest index on ties).
module edf_pick #(
  parameter int TW = 16,     // time-stamp width
  parameter int RW = 10      // relative-deadline width
) (
  input  logic [TW-1:0]         release_time,
  input  logic [3:0][RW-1:0]    rel_deadline,
  input  logic [3:0]            ready,
  output logic [1:0]            pick,
  output logic                  pick_valid,
  output logic [TW:0]           pick_deadline
);
  // release + a < release + b  <=>  a < b (no wrap in TW+1 bits): compare the relative
  // deadlines and add the release time once, to the winner
  logic [RW-1:0] best;

  always_comb begin
    pick       = '0;
    pick_valid = 1'b0;
    best       = '1;
    for (int i = 0; i < 4; i++) begin
      if (ready[i] && (!pick_valid || rel_deadline[i] < best)) begin
        pick       = 2'(i);
        best       = rel_deadline[i];
        pick_valid = 1'b1;
      end
    end
    pick_deadline = pick_valid ? release_time + best : '0;
  end
endmodule

module edf_top (
  input  logic [23:0]      release_time,
  input  logic [47:0]      rel_deadline,
  input  logic [3:0]       ready,
  output logic [1:0]       pick,
  output logic             pick_valid,
  output logic [24:0]      pick_deadline
);
  edf_pick #(.TW(24), .RW(12)) u_edf (.*);
endmodule
