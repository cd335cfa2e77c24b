// Bus turnaround timers, reference: the short guard is max(t - 4, 0) of the long one, busy while t > 4.
module guard_long (
  input            clk,
  input            rst,
  input            fire,
  output reg [4:0] t,
  output           busy
);
  function [4:0] dec_sat(input [4:0] x);
    dec_sat = (x == 5'd0) ? 5'd0 : x - 5'd1;
  endfunction
  always @(posedge clk)
    if (rst)       t <= 5'd0;
    else if (fire) t <= 5'd9;
    else           t <= dec_sat(t);
  assign busy = |t;
endmodule

module turnaround (
  input  clk,
  input  rst,
  input  wr_end,
  input  want_rd,
  input  want_act,
  output rd_go,
  output act_go,
  output [4:0] left
);
  wire long_busy;
  guard_long u_long (.clk(clk), .rst(rst), .fire(wr_end), .t(left), .busy(long_busy));
  assign rd_go  = want_rd  & (left <= 5'd4);
  assign act_go = want_act & ~long_busy;
endmodule
