// Credit tracker: the ring distance is the 8-bit difference (modulo 256): one subtractor, no compare.
module ring_dist (
  input  wire       clk,
  input  wire       rst_n,
  input  wire [7:0] head,
  input  wire [7:0] tail,
  input  wire       flush,
  output reg  [8:0] used,
  output wire       idle
);
  wire [8:0] dist = flush ? 9'd0 : {1'b0, head - tail};
  assign idle = (dist == 9'd0);

  always @(posedge clk or negedge rst_n)
    if (!rst_n) used <= 9'd0;
    else        used <= dist;
endmodule
