// Credit tracker: distance between a producer and a consumer index on a 256-entry ring,
// computed by a helper function that unwraps the index when the producer has wrapped.
module ring_dist (
  input  wire       clk,
  input  wire       rst_n,
  input  wire [7:0] head,
  input  wire [7:0] tail,
  input  wire       flush,
  output reg  [8:0] used,
  output wire       idle
);
  function [8:0] distance;
    input [7:0] h;
    input [7:0] t;
    begin
      if (h < t)
        distance = 9'd256 + h - t;
      else
        distance = h - t;
    end
  endfunction

  wire [8:0] dist = flush ? 9'd0 : distance(head, tail);
  assign idle = (dist == 9'd0);

  always @(posedge clk or negedge rst_n)
    if (!rst_n) used <= 9'd0;
    else        used <= dist;
endmodule
