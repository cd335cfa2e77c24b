module sqdist_sv #(parameter int N = 7) (
  input  logic [N-1:0]   u, v,
  output logic [2*N:0]   e
);
  logic signed [N:0] diff;
  always_comb begin
    diff = $signed({1'b0, u}) - $signed({1'b0, v});
    e    = diff * diff;
  end
endmodule
