// Barrel unit: a function shifts left or right by the same amount; registered result.
module barrel #(parameter W = 12) (
  input  wire clk,
  input  wire [W-1:0] a,
  input  wire [2:0] n,
  input  wire left,
  output reg  [W-1:0] q
);
  function [W-1:0] do_shift;
    input [W-1:0] v;
    input [2:0] k;
    input l;
    begin
      if (l) do_shift = v << k;
      else   do_shift = v >> k;
    end
  endfunction
  always @(posedge clk) q <= do_shift(a, n, left);
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
