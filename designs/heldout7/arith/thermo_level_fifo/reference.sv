// FIFO occupancy tracker: binary level counter
module fifo_occ #(parameter int DEPTH = 16, parameter int LW = $clog2(DEPTH + 1)) (
  input  logic          clk,
  input  logic          rst,
  input  logic          push,
  input  logic          pop,
  output logic          full,
  output logic          empty,
  output logic [LW-1:0] level
);
  logic do_push, do_pop;
  assign full    = (level == LW'(DEPTH));
  assign empty   = (level == '0);
  assign do_push = push && !full;
  assign do_pop  = pop && !empty;

  always_ff @(posedge clk) begin
    if (rst) level <= '0;
    else if (do_push && !do_pop) level <= level + 1'b1;
    else if (do_pop && !do_push) level <= level - 1'b1;
  end
endmodule

module fifo_occ8 (input logic clk, rst, push, pop, output logic full, empty, output logic [3:0] level);
  fifo_occ #(.DEPTH(8)) u_occ (.*);
endmodule
