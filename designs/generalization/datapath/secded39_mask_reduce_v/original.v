// SECDED (39,32) encoder: each check bit written as the reduction XOR of the data ANDed with a mask
module secded_mask (input [31:0] d, output [38:0] cw);
  localparam [31:0] M0 = 32'h56AAAD5B, M1 = 32'h9B33366D, M2 = 32'hE3C3C78E,
                    M3 = 32'h03FC07F0, M4 = 32'h03FFF800, M5 = 32'hFC000000;
  wire [5:0] c = {^(d & M5), ^(d & M4), ^(d & M3), ^(d & M2), ^(d & M1), ^(d & M0)};
  wire p = ^{d, c};
  assign cw = {p, c, d};
endmodule
