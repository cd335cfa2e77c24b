// Registered round-robin arbiter: the grant is held in a one-hot register and its index in
// a binary register; the requester after the last winner has the highest priority.
module rr_arb #(
  parameter int N = 4,
  localparam int IW = $clog2(N)
) (
  input  logic          clk,
  input  logic          rst_n,
  input  logic [N-1:0]  req,
  input  logic          advance,     // accept a new arbitration result
  output logic [N-1:0]  grant,
  output logic [IW-1:0] grant_idx,
  output logic          grant_vld
);
  logic [N-1:0]  gnt_nxt;
  logic [IW-1:0] idx_nxt;
  logic          found;
  int unsigned   k;

  always_comb begin
    gnt_nxt = '0;
    idx_nxt = '0;
    found   = 1'b0;
    for (int unsigned off = 1; off <= N; off++) begin
      k = (grant_idx + off) % N;
      if (!found && req[k]) begin
        found      = 1'b1;
        gnt_nxt[k] = 1'b1;
        idx_nxt    = IW'(k);
      end
    end
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      grant     <= '0;
      grant_idx <= IW'(N - 1);
      grant_vld <= 1'b0;
    end else if (advance) begin
      grant     <= gnt_nxt;
      grant_vld <= found;
      if (found) grant_idx <= idx_nxt;
    end
  end
endmodule

module rr_arb_top (
  input  logic       clk,
  input  logic       rst_n,
  input  logic [7:0] req,
  input  logic       advance,
  output logic [7:0] grant,
  output logic [2:0] grant_idx,
  output logic       grant_vld
);
  rr_arb #(.N(8)) u_arb (.*);
endmodule
