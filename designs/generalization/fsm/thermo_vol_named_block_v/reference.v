// reference: the level as a 3-bit saturating up/down counter
module vol7 (clk, rst, up, dn, lvl, maxed);
  input clk, rst, up, dn;
  output reg [2:0] lvl;
  output maxed;
  always @(posedge clk)
    if (rst) lvl <= 3'd0;
    else if (up & ~dn & (lvl != 3'd7)) lvl <= lvl + 3'd1;
    else if (dn & ~up & (lvl != 3'd0)) lvl <= lvl - 3'd1;
  assign maxed = (lvl == 3'd7);
endmodule
