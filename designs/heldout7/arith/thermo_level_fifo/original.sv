// FIFO occupancy tracker: thermometer code therm[k] = (level > k)
module fifo_occ #(parameter int DEPTH = 16, parameter int LW = $clog2(DEPTH + 1)) (
  input  logic          clk,
  input  logic          rst,
  input  logic          push,
  input  logic          pop,
  output logic          full,
  output logic          empty,
  output logic [LW-1:0] level
);
  logic [DEPTH-1:0] therm;
  logic do_push, do_pop;
  assign full    = therm[DEPTH-1];
  assign empty   = ~therm[0];
  assign do_push = push && !full;
  assign do_pop  = pop && !empty;

  always_ff @(posedge clk) begin
    if (rst) therm <= '0;
    else if (do_push && !do_pop) therm <= {therm[DEPTH-2:0], 1'b1};
    else if (do_pop && !do_push) therm <= {1'b0, therm[DEPTH-1:1]};
  end

  always_comb begin
    level = '0;
    for (int k = 0; k < DEPTH; k++) level += LW'(therm[k]);
  end
endmodule

module fifo_occ8 (input logic clk, rst, push, pop, output logic full, empty, output logic [3:0] level);
  fifo_occ #(.DEPTH(8)) u_occ (.*);
endmodule
