// Two slot schedulers from one parameterized one-hot ring (rotate left by one), N = 5 and N = 8;
// the parent encodes each ring with a loop and gates requests with it.
module slot_ring #(parameter N = 4) (
  input              clk,
  input              rst,
  input              step,
  output reg [N-1:0] slot
);
  always @(posedge clk)
    if (rst)       slot <= {{(N-1){1'b0}}, 1'b1};
    else if (step) slot <= {slot[N-2:0], slot[N-1]};
endmodule

module two_sched (
  input        clk,
  input        rst,
  input        sa,
  input        sb,
  input  [4:0] ra,
  input  [7:0] rb,
  output reg [2:0] ia,
  output reg [2:0] ib,
  output       ga,
  output       gb
);
  wire [4:0] a;
  wire [7:0] b;
  integer i;
  slot_ring #(.N(5)) u_a (.clk(clk), .rst(rst), .step(sa), .slot(a));
  slot_ring #(.N(8)) u_b (.clk(clk), .rst(rst), .step(sb), .slot(b));
  always @* begin
    ia = 3'd0;
    ib = 3'd0;
    for (i = 0; i < 5; i = i + 1) if (a[i]) ia = ia | i;
    for (i = 0; i < 8; i = i + 1) if (b[i]) ib = ib | i;
  end
  assign ga = |(a & ra);
  assign gb = |(b & rb);
endmodule
