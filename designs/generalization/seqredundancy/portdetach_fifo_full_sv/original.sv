// Credit-tracked FIFO front end: a level counter instance counts pushes and pops; a watermark
// instance keeps its own 'full' flag register (set by the push that reaches DEPTH, cleared by a pop
// without a push) next to a sticky overflow flag. Implicit '.name' port connections.
module lvl_count #(parameter int DEPTH = 16) (
  input  logic clk, rst,
  input  logic push, pop,
  output logic [$clog2(DEPTH+1)-1:0] level
);
  logic do_push, do_pop;
  always_comb begin
    do_pop  = pop && (level != '0);
    do_push = push && (level != DEPTH[$clog2(DEPTH+1)-1:0] || do_pop);
  end
  always_ff @(posedge clk) begin
    if (rst) level <= '0;
    else if (do_push && !do_pop) level <= level + 1'b1;
    else if (do_pop && !do_push) level <= level - 1'b1;
  end
endmodule

module lvl_watch #(parameter int DEPTH = 16) (
  input  logic clk, rst,
  input  logic push, pop,
  input  logic empty, almost, at_max,   // level == 0, DEPTH - 1, DEPTH
  output logic full,
  output logic overflow
);
  always_ff @(posedge clk) begin
    if (rst) begin
      full <= 1'b0;
      overflow <= 1'b0;
    end else begin
      if (pop && !empty && !push) full <= 1'b0;
      else if (push && !(pop && !empty) && almost) full <= 1'b1;
      if (push && !pop && at_max) overflow <= 1'b1;
    end
  end
endmodule

module credit_front (
  input  logic clk, rst, push, pop,
  output logic [3:0] level,
  output logic full, overflow
);
  lvl_count #(.DEPTH(10)) u_lvl (.clk, .rst, .push, .pop, .level);
  lvl_watch #(.DEPTH(10)) u_wm (.clk, .rst, .push, .pop,
    .empty(level == 4'd0), .almost(level == 4'd9), .at_max(level == 4'd10), .full, .overflow);
endmodule
