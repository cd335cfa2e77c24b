// 4-bit Johnson counter and a phase monitor that keeps its own copy of the ring, wired differently:
// k[0] = ~j[2], k[1] = j[0], k[2] = j[3], k[3] = ~j[1] (same reset, same step)
module johnson4 (input clk, input rst, input step, output reg [3:0] j);
  always @(posedge clk)
    if (rst) j <= 4'b0000;
    else if (step) j <= {j[2:0], ~j[3]};
endmodule

module ring_top (input clk, input rst, input step, output [3:0] ring, output hit);
  johnson4  u_ring (.clk(clk), .rst(rst), .step(step), .j(ring));
  assign hit = (ring == 4'b0011);   // the monitor's copy is a permutation of the ring
endmodule
