// volume level 0..7 kept as a thermometer code (t[k] = level > k); the binary level is the
// position of the highest set bit, found by a loop over the named block's own integer
module vol7 (clk, rst, up, dn, lvl, maxed);
  input clk, rst, up, dn;
  output reg [2:0] lvl;
  output maxed;
  reg [6:0] t;
  wire go_up = up & ~dn & ~t[6];
  wire go_dn = dn & ~up & t[0];
  always @(posedge clk)
    if (rst) t <= 7'd0;
    else if (go_up) t <= {t[5:0], 1'b1};
    else if (go_dn) t <= {1'b0, t[6:1]};
  assign maxed = t[6];
  always @(*) begin : enc
    integer i;
    lvl = 3'd0;
    for (i = 0; i < 7; i = i + 1)
      if (t[i]) lvl = i + 1;
  end
endmodule
