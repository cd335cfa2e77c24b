module sqdist_sv #(parameter int N = 7) (
  input  logic [N-1:0]   u, v,
  output logic [2*N:0]   e
);
  logic [N:0]   diff;
  logic [N-1:0] mag;
  always_comb begin
    diff = {1'b0, u} - {1'b0, v};
    mag  = diff[N] ? -diff[N-1:0] : diff[N-1:0];
    e    = (2*N+1)'(mag) * (2*N+1)'(mag);
  end
endmodule
