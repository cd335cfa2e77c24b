module mop_r (
  input  [15:0] x,
  input  [15:0] k0, k1,
  input         sel,
  output [31:0] p
);
  function [31:0] pick(input s, input [15:0] v, input [15:0] a, input [15:0] b);
    pick = s ? a * v : b * v;
  endfunction
  assign p = pick(sel, x, k1, k0);
endmodule
