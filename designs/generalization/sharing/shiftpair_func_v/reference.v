// Barrel unit: one right shifter with the operand and result bit-reversed for a left shift.
module barrel #(parameter W = 12) (
  input  wire clk,
  input  wire [W-1:0] a,
  input  wire [2:0] n,
  input  wire left,
  output reg  [W-1:0] q
);
  function [W-1:0] rev;
    input [W-1:0] v;
    integer i;
    for (i = 0; i < W; i = i + 1) rev[i] = v[W-1-i];
  endfunction
  wire [W-1:0] src = left ? rev(a) : a;
  wire [W-1:0] sh  = src >> n;
  always @(posedge clk) q <= left ? rev(sh) : sh;
endmodule

module barrel_top (
  input  wire clk,
  input  wire [23:0] a,
  input  wire [2:0] n,
  input  wire left,
  output wire [23:0] q
);
  barrel #(.W(24)) u_b (.clk(clk), .a(a), .n(n), .left(left), .q(q));
endmodule
