// Physical-register / buffer free list: allocate the lowest free entry.
module freelist #(
  parameter int N = 16
) (
  input  logic                 clk,
  input  logic                 rst_n,
  input  logic                 alloc,
  input  logic                 free_en,
  input  logic [$clog2(N)-1:0] free_idx,
  output logic                 alloc_ok,
  output logic [$clog2(N)-1:0] alloc_idx,
  output logic                 almost_empty      // fewer than two free entries
);
  logic [N-1:0]           free_q;
  logic [$clog2(N+1)-1:0] nfree;

  always_comb begin
    nfree = '0;
    for (int i = 0; i < N; i++) nfree = nfree + free_q[i];
    alloc_ok     = alloc && (nfree != 0);
    almost_empty = nfree < 2;
    alloc_idx = '0;
    for (int i = N - 1; i >= 0; i--)
      if (free_q[i]) alloc_idx = i;
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) free_q <= '1;
    else begin
      if (alloc_ok) free_q[alloc_idx] <= 1'b0;
      if (free_en)  free_q[free_idx]  <= 1'b1;
    end
  end
endmodule

module prf_freelist (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       alloc,
  input  logic       free_en,
  input  logic [4:0] free_idx,
  output logic       alloc_ok,
  output logic [4:0] alloc_idx,
  output logic       almost_empty
);
  freelist #(.N(32)) u_fl (.*);
endmodule
