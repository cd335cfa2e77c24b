// The rings are a mod-5 and a mod-8 counter.
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
  always @(posedge clk)
    if (rst) begin
      ia <= 3'd0;
      ib <= 3'd0;
    end else begin
      if (sa) ia <= (ia == 3'd4) ? 3'd0 : ia + 3'd1;
      if (sb) ib <= ib + 3'd1;
    end
  assign ga = ra[ia];
  assign gb = rb[ib];
endmodule
