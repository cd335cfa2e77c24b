// Least-recently-granted matrix arbiter with a flattened priority vector: prio[i*N+j] = 1 when
// requester i wins over requester j. Only the cells below the diagonal are flops; the others
// are their complements.
module lrg_arb #(
  parameter int N = 5
) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic         en,
  input  logic [N-1:0] req,
  output logic [N-1:0] gnt
);
  logic [N*N-1:0] prio;

  function automatic logic beaten(input logic [N*N-1:0] p, input logic [N-1:0] r, input int k);
    beaten = 1'b0;
    for (int m = 0; m < N; m++)
      if (m != k && r[m] && p[m*N+k]) beaten = 1'b1;
  endfunction

  always_comb
    for (int k = 0; k < N; k++)
      gnt[k] = en && req[k] && !beaten(prio, req, k);

  for (genvar i = 0; i < N; i++) begin : g_i
    for (genvar j = 0; j < N; j++) begin : g_j
      if (i == j) begin : g_self
        assign prio[i*N+j] = 1'b0;
      end else if (i > j) begin : g_pair
        always_ff @(posedge clk or negedge rst_n)
          if (!rst_n)      prio[i*N+j] <= 1'b1;
          else if (gnt[i]) prio[i*N+j] <= 1'b0;
          else if (gnt[j]) prio[i*N+j] <= 1'b1;
      end else begin : g_mirror
        assign prio[i*N+j] = ~prio[j*N+i];
      end
    end
  end
endmodule

module arb_top (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       en,
  input  logic [4:0] req,
  output logic [4:0] gnt
);
  lrg_arb #(.N(5)) u_arb (.clk, .rst_n, .en, .req, .gnt);
endmodule
