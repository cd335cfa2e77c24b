// 4-bit Johnson counter and a phase monitor that keeps its own copy of the ring, wired differently:
// k[0] = ~j[2], k[1] = j[0], k[2] = j[3], k[3] = ~j[1] (same reset, same step)
module johnson4 (input clk, input rst, input step, output reg [3:0] j);
  always @(posedge clk)
    if (rst) j <= 4'b0000;
    else if (step) j <= {j[2:0], ~j[3]};
endmodule

module phase_mon (input clk, input rst, input step, output hit);
  reg  [3:0] k;
  wire [3:0] jv = {k[2], ~k[0], ~k[3], k[1]};   // the ring as the counter holds it
  wire [3:0] nj = {jv[2:0], ~jv[3]};
  assign hit = (jv == 4'b0011);
  always @(posedge clk)
    if (rst) k <= 4'b1001;
    else if (step) k <= {~nj[1], nj[3], nj[0], ~nj[2]};
endmodule

module ring_top (input clk, input rst, input step, output [3:0] ring, output hit);
  johnson4  u_ring (.clk(clk), .rst(rst), .step(step), .j(ring));
  phase_mon u_mon  (.clk(clk), .rst(rst), .step(step), .hit(hit));
endmodule
