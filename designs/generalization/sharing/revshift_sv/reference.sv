// Normaliser step: one right shifter, operand and result bit-reversed when growing.
module norm_step #(parameter int M = 16) (
  input  logic [M-1:0] man,
  input  logic [2:0] d,
  input  logic grow,
  output logic [M-1:0] res
);
  function automatic logic [M-1:0] flip(input logic [M-1:0] v);
    for (int i = 0; i < M; i++) flip[i] = v[M-1-i];
  endfunction
  logic [M-1:0] sh;
  always_comb begin
    sh  = (grow ? flip(man) : man) >> d;
    res = grow ? flip(sh) : sh;
  end
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
