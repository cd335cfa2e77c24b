module leaky_sv #(parameter int W = 6) (
  input  logic         clk, rst_n,
  input  logic [1:0]   n,
  input  logic [W-1:0] s,
  output logic [W-1:0] f
);
  logic signed [W:0] d, q;
  always_comb begin
    d = $signed({1'b0, s}) - $signed({1'b0, f});
    q = d >>> n;
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) f <= '0;
    else        f <= f + q[W-1:0];
endmodule
