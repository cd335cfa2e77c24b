module rl_cell #(parameter int W = 16, parameter int S = 4) (
  input  logic [W-1:0] i, input logic [S-1:0] s, output logic [W-1:0] o);
  logic [2*W-1:0] w2;
  always_comb begin
    w2 = {i, i} << s;
    o  = w2[2*W-1:W];
  end
endmodule
module rot2_sv (input logic clk, input logic [15:0] v, input logic [3:0] p, input logic [3:0] q, input logic [15:0] k,
                output logic [15:0] y);
  logic [15:0] m, t;
  rl_cell #(.W(16), .S(4)) u0 (.i(v), .s(p), .o(m));
  rl_cell #(.W(16), .S(4)) u1 (.i(m), .s(q), .o(t));
  always_ff @(posedge clk) y <= t ^ k;
endmodule
