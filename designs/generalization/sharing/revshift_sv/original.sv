// Normaliser step: the mantissa is shifted left or right by the same exponent delta.
module norm_step #(parameter int M = 16) (
  input  logic [M-1:0] man,
  input  logic [2:0] d,
  input  logic grow,
  output logic [M-1:0] res
);
  always_comb res = grow ? (man << d) : (man >> d);
endmodule

module norm_top (
  input  logic clk,
  input  logic [23:0] man,
  input  logic [2:0] d,
  input  logic grow,
  output logic [23:0] res_q
);
  logic [23:0] res;
  norm_step #(.M(24)) u_n (.*);
  always_ff @(posedge clk) res_q <= res;
endmodule
