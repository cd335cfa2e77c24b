// Line timing, reference: the quintet count is grp mod 5, so its strobes decode the group count.
module line_timing (
  input            clk,
  input            rst_n,
  input            step,
  output reg [3:0] grp,
  output           grp_end,
  output           quint_end,
  output           mid
);
  assign grp_end   = step & (grp == 4'd9);
  assign quint_end = step & (grp == 4'd4 || grp == 4'd9);
  assign mid       = (grp == 4'd2 || grp == 4'd7);
  always @(posedge clk or negedge rst_n)
    if (!rst_n)    grp <= 4'd0;
    else if (step) grp <= grp_end ? 4'd0 : grp + 1'b1;
endmodule
