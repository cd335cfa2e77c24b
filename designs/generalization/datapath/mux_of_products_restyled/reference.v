module mop_r (
  input  [15:0] x,
  input  [15:0] k0, k1,
  input         sel,
  output [31:0] p
);
  assign p = x * (sel ? k1 : k0);
endmodule
