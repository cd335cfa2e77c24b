// Fixed-priority arbiter (bit 0 highest) with one-hot grant and encoded grant index.
module fixed_arb #(
  parameter int N  = 16,
  parameter int IW = $clog2(N)
) (
  input  logic [N-1:0]  req_i,
  output logic [N-1:0]  gnt_o,
  output logic [IW-1:0] gnt_idx_o,
  output logic          gnt_vld_o
);
  always_comb begin
    gnt_o = '0;
    for (int i = N-1; i >= 0; i--) begin
      if (req_i[i]) gnt_o = N'(1) << i;
    end
  end

  always_comb begin
    gnt_idx_o = '0;
    for (int i = N-1; i >= 0; i--) begin
      if (req_i[i]) gnt_idx_o = IW'(i);
    end
  end

  assign gnt_vld_o = |req_i;
endmodule
