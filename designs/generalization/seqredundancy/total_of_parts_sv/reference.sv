// Every access is a read or a write (never both): the access count is their sum.
module port_stats (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        rd,
  input  logic        wr,
  output logic [23:0] n_rd,
  output logic [23:0] n_wr,
  output logic [23:0] n_acc
);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)  n_rd <= '0;
    else if (rd) n_rd <= n_rd + 24'd1;

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)        n_wr <= '0;
    else if (wr & ~rd) n_wr <= n_wr + 24'd1;

  assign n_acc = n_rd + n_wr;
endmodule
