// Write pointer of a 16-entry-per-cycle descriptor ring: count the valid bits in
// a 4-bit adder tree, then one 20-bit add.
module ring_wptr_adv (
  input  wire        clk,
  input  wire        rst_n,
  input  wire [7:0]  valid,
  output reg  [19:0] wptr
);
  wire [1:0] p0 = valid[0] + valid[1];
  wire [1:0] p1 = valid[2] + valid[3];
  wire [1:0] p2 = valid[4] + valid[5];
  wire [1:0] p3 = valid[6] + valid[7];
  wire [2:0] q0 = p0 + p1;
  wire [2:0] q1 = p2 + p3;
  wire [3:0] cnt = q0 + q1;

  always @(posedge clk or negedge rst_n)
    if (!rst_n) wptr <= 20'd0;
    else        wptr <= wptr + {16'd0, cnt};
endmodule
