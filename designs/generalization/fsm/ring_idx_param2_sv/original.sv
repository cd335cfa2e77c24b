// Active-low phase enables from one parameterized one-cold ring (rotate right), three lanes: N = 3, 6, 6.
module phase_ring #(parameter int N = 4) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic         adv,
  output logic [N-1:0] en_n
);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)   en_n <= ~(N'(1) << (N - 1));
    else if (adv) en_n <= {en_n[0], en_n[N-1:1]};
endmodule

module phases (
  input  logic       clk,
  input  logic       rst_n,
  input  logic [2:0] adv,
  output logic [2:0] p0,
  output logic [5:0] e1,
  output logic [2:0] c2
);
  logic [2:0] n0;
  logic [5:0] n1, n2;
  phase_ring #(.N(3)) u0 (.clk, .rst_n, .adv(adv[0]), .en_n(n0));
  phase_ring #(.N(6)) u1 (.clk, .rst_n, .adv(adv[1]), .en_n(n1));
  phase_ring #(.N(6)) u2 (.clk, .rst_n, .adv(adv[2]), .en_n(n2));
  assign p0 = ~n0;
  assign e1 = n1;
  always_comb begin
    c2 = '0;
    for (int i = 0; i < 6; i++)
      if (!n2[i]) c2 = 3'(i);
  end
endmodule
