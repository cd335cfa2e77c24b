// Dynamic-range meter: minimum and maximum of N samples.
module minmax #(
  parameter int N = 8,
  parameter int W = 8
) (
  input  logic [N-1:0][W-1:0] x,
  output logic [W-1:0]        mn,
  output logic [W-1:0]        mx
);
  always_comb begin
    mn = x[0];
    mx = x[0];
    for (int i = 1; i < N; i++) begin
      if (x[i] < mn) mn = x[i];
      if (x[i] > mx) mx = x[i];
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
