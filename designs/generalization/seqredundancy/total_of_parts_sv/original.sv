// Memory-port statistics: reads, writes and all accesses, 24-bit counters in separate blocks.
module port_stats (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        rd,
  input  logic        wr,
  output logic [23:0] n_rd,
  output logic [23:0] n_wr,
  output logic [23:0] n_acc
);
  wire do_rd = rd;
  wire do_wr = wr & ~rd;          // a read wins the single port

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)     n_rd <= '0;
    else if (do_rd) n_rd <= n_rd + 24'd1;

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)     n_wr <= '0;
    else if (do_wr) n_wr <= n_wr + 24'd1;

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)         n_acc <= '0;
    else if (rd | wr)   n_acc <= n_acc + 24'd1;
endmodule
