// Reference: one (W+1)-bit subtractor per pair; its borrow inverts the low bits and is added once
// into the sum (the +1 of the two's-complement negation as a carry of the accumulation).
module sadpk_edge_fn_sv #(
    parameter int N = 5,
    parameter int W = 6
) (
    input  logic [0:N-1][W-1:0] lft,
    input  logic [0:N-1][W-1:0] rgt,
    input  logic [W+2:0]        bias,
    output logic [W+2:0]        score
);
  logic [W-1:0] flip [N];
  logic [N-1:0] brw;
  for (genvar k = 0; k < N; k++) begin : g_pair
    wire [W:0] d = {1'b0, lft[k]} - {1'b0, rgt[k]};
    assign brw[k]  = d[W];
    assign flip[k] = d[W-1:0] ^ {W{d[W]}};
  end
  always_comb begin
    score = bias;
    for (int k = 0; k < N; k++) score = score + flip[k] + brw[k];
  end
endmodule
