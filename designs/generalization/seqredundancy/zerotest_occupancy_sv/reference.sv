// Reorder-buffer style slot tracker: a valid bit per slot (generate loop) and an occupancy
// counter kept in a separate statistics module; the parent only asks "anything pending?".
module occ_count #(parameter int W = 4) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic         up,
  input  logic         down,
  output logic [W-1:0] level
);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)           level <= '0;
    else if (up && !down) level <= level + 1'b1;
    else if (down && !up) level <= level - 1'b1;
endmodule

module slot_tracker #(parameter int N = 8) (
  input  logic                 clk,
  input  logic                 rst_n,
  input  logic                 alloc,
  input  logic [$clog2(N)-1:0] alloc_id,
  input  logic                 retire,
  input  logic [$clog2(N)-1:0] retire_id,
  output logic                 pending,
  output logic                 alloc_ok
);
  logic [N-1:0] valid;

  logic         do_alloc, do_retire;
  assign do_alloc  = alloc && !valid[alloc_id];
  assign do_retire = retire && valid[retire_id] && !(do_alloc && alloc_id == retire_id);
  for (genvar g = 0; g < N; g++) begin : g_slot
    always_ff @(posedge clk or negedge rst_n)
      if (!rst_n)                             valid[g] <= 1'b0;
      else if (do_alloc && alloc_id == g)     valid[g] <= 1'b1;
      else if (do_retire && retire_id == g)   valid[g] <= 1'b0;
  end

  assign pending  = |valid;
  assign alloc_ok = do_alloc;
endmodule

module rob_slots (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       alloc,
  input  logic [2:0] alloc_id,
  input  logic       retire,
  input  logic [2:0] retire_id,
  output logic       pending,
  output logic       alloc_ok
);
  slot_tracker #(.N(8)) u_trk (.*);
endmodule
