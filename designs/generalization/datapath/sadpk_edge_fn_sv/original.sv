// Edge-strength row: sum of |left - right| over packed rows of pixels (ascending element order), the
// magnitude from an SV function with if (p < q), accumulated onto a bias in an always_comb int loop.
module sadpk_edge_fn_sv #(
    parameter int N = 5,
    parameter int W = 6
) (
    input  logic [0:N-1][W-1:0] lft,
    input  logic [0:N-1][W-1:0] rgt,
    input  logic [W+2:0]        bias,
    output logic [W+2:0]        score
);
  function automatic logic [W-1:0] mag(input logic [W-1:0] p, input logic [W-1:0] q);
    if (p < q) mag = q - p;
    else mag = p - q;
  endfunction
  always_comb begin
    score = bias;
    for (int k = 0; k < N; k++) score = score + mag(lft[k], rgt[k]);
  end
endmodule
