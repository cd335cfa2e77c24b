// Matrix arbiter: only the upper triangle is stored; w[j][i] = ~w[i][j] for i < j.
module matrix_arb #(
  parameter int N = 6
) (
  input  logic         clk_i,
  input  logic         rst_ni,
  input  logic [N-1:0] req_i,
  output logic [N-1:0] gnt_o
);
  logic [N-1:0][N-1:0] w;

  always_comb begin
    for (int i = 0; i < N; i++) begin
      gnt_o[i] = req_i[i];
      for (int j = 0; j < N; j++)
        if (j != i && req_i[j] && w[j][i]) gnt_o[i] = 1'b0;
    end
  end

  for (genvar i = 0; i < N; i++) begin : g_row
    for (genvar j = 0; j < N; j++) begin : g_col
      if (i < j) begin : g_cell
        logic q;
        always_ff @(posedge clk_i or negedge rst_ni) begin
          if (!rst_ni)       q <= 1'b1;
          else if (gnt_o[i]) q <= 1'b0;
          else if (gnt_o[j]) q <= 1'b1;
        end
        assign w[i][j] = q;
        assign w[j][i] = ~q;
      end else if (i == j) begin : g_diag
        assign w[i][j] = 1'b0;
      end
    end
  end
endmodule
