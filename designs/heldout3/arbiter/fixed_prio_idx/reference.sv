// Fixed-priority arbiter (bit 0 highest): isolate the lowest request, OR-encode the one-hot grant.
module fixed_arb #(
  parameter int N  = 16,
  parameter int IW = $clog2(N)
) (
  input  logic [N-1:0]  req_i,
  output logic [N-1:0]  gnt_o,
  output logic [IW-1:0] gnt_idx_o,
  output logic          gnt_vld_o
);
  assign gnt_o = req_i & (~req_i + 1'b1);

  always_comb begin
    gnt_idx_o = '0;
    for (int i = 0; i < N; i++) begin
      gnt_idx_o = gnt_idx_o | ({IW{gnt_o[i]}} & IW'(i));
    end
  end

  assign gnt_vld_o = |req_i;
endmodule
