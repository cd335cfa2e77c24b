// Matrix (least-recently-granted) arbiter: w[i][j] = 1 means requester i beats requester j.
module matrix_arb #(
  parameter int N = 6
) (
  input  logic         clk_i,
  input  logic         rst_ni,
  input  logic [N-1:0] req_i,
  output logic [N-1:0] gnt_o
);
  logic [N-1:0][N-1:0] w_q;

  // grant i when no other requester with priority over i is requesting
  always_comb begin
    for (int i = 0; i < N; i++) begin
      gnt_o[i] = req_i[i];
      for (int j = 0; j < N; j++)
        if (j != i && req_i[j] && w_q[j][i]) gnt_o[i] = 1'b0;
    end
  end

  // the winner drops to the lowest priority: clear its row, set its column
  for (genvar i = 0; i < N; i++) begin : g_row
    for (genvar j = 0; j < N; j++) begin : g_col
      if (i != j) begin : g_cell
        always_ff @(posedge clk_i or negedge rst_ni) begin
          if (!rst_ni)       w_q[i][j] <= (i < j);
          else if (gnt_o[i]) w_q[i][j] <= 1'b0;
          else if (gnt_o[j]) w_q[i][j] <= 1'b1;
        end
      end else begin : g_diag
        assign w_q[i][j] = 1'b0;
      end
    end
  end
endmodule
