// One shift with one extra fraction bit: its LSB is the rounding bit.
module norm_round (
  input  wire [31:0] acc,
  input  wire [4:0]  n,
  output wire [31:0] res
);
  wire [32:0] t = {acc, 1'b0} >> n;
  assign res = t[32:1] + t[0];
endmodule
