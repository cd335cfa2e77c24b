// Bus turnaround timers: after a write burst ends, a long guard (9 cycles) and a short guard
// (5 cycles) count down together from the same 'fire' strobe; each is its own countdown module
// written differently (saturating decrement in a function, explicit guard).
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

module guard_short #(parameter [5:0] LOAD = 6'd3) (
  input            clk,
  input            rst,
  input            fire,
  output           busy
);
  reg [5:0] u;
  always @(posedge clk) begin
    if (rst) u <= 6'd0;
    else begin
      if (fire) u <= LOAD;
      else if (u > 6'd0) u <= u - 6'd1;
    end
  end
  assign busy = (u != 6'd0);
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
  wire long_busy, short_busy;
  guard_long            u_long  (.clk(clk), .rst(rst), .fire(wr_end), .t(left), .busy(long_busy));
  guard_short #(6'd5)   u_short (.clk(clk), .rst(rst), .fire(wr_end), .busy(short_busy));
  assign rd_go  = want_rd  & ~short_busy;
  assign act_go = want_act & ~long_busy;
endmodule
