// Parameterized generate design with $clog2: a priority encoder feeding a registered popcount.
module param_gen #(parameter N = 16, parameter W = $clog2(N)) (
  input clk, input [N-1:0] req, output reg [W:0] count, output reg [W-1:0] first, output reg any
);
  wire [W:0] partial [0:N];
  assign partial[0] = 0;
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g_count
      assign partial[i+1] = partial[i] + req[i];
    end
  endgenerate
  integer k;
  reg [W-1:0] f;
  always @* begin
    f = 0;
    for (k = N - 1; k >= 0; k = k - 1)
      if (req[k]) f = k[W-1:0];
  end
  always @(posedge clk) begin
    count <= partial[N];
    first <= f;
    any <= |req;
  end
endmodule
