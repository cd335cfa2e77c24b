module secded_mask (input [31:0] d, output [38:0] cw);
  localparam [31:0] M0 = 32'h56AAAD5B, M1 = 32'h9B33366D, M2 = 32'hE3C3C78E,
                    M3 = 32'h03FC07F0, M4 = 32'h03FFF800, M5 = 32'hFC000000;
  wire [5:0] c = {^(d & M5), ^(d & M4), ^(d & M3), ^(d & M2), ^(d & M1), ^(d & M0)};
  localparam [31:0] ME = 32'h2DA65CB7;  // data bits in an even number of check rows
  wire p = ^(d & ME);
  assign cw = {p, c, d};
endmodule
