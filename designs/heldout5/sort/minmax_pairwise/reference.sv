// Pairwise split first: N/2 comparisons sort each pair, then the maximum is
// searched among the larger and the minimum among the smaller halves.
module minmax #(
  parameter int N = 8,
  parameter int W = 8
) (
  input  logic [N-1:0][W-1:0] x,
  output logic [W-1:0]        mn,
  output logic [W-1:0]        mx
);
  logic [N/2-1:0][W-1:0] lo, hi;
  always_comb begin
    for (int i = 0; i < N/2; i++) begin
      if (x[2*i+1] < x[2*i]) begin lo[i] = x[2*i+1]; hi[i] = x[2*i]; end
      else                   begin lo[i] = x[2*i];   hi[i] = x[2*i+1]; end
    end
    mn = lo[0];
    mx = hi[0];
    for (int i = 1; i < N/2; i++) begin
      if (lo[i] < mn) mn = lo[i];
      if (hi[i] > mx) mx = hi[i];
    end
  end
endmodule

module range_meter (
  input  logic               clk,
  input  logic [7:0][11:0]   smp,
  output logic [11:0]        span
);
  logic [11:0] lo, hi;
  minmax #(.N(8), .W(12)) u_mm (.x(smp), .mn(lo), .mx(hi));
  always_ff @(posedge clk) span <= hi - lo;
endmodule
