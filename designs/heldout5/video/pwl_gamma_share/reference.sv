// Select the segment's base and slope first: one multiplier.
module pwl_gamma (
  input  logic           clk,
  input  logic [7:0]     x,
  input  logic [3:0][7:0] base,
  input  logic [3:0][7:0] slope,
  output logic [7:0]     y
);
  logic [7:0]  b, k;
  logic [13:0] p;
  logic [9:0]  v;
  always_comb begin
    b = base[x[7:6]];
    k = slope[x[7:6]];
    p = k * x[5:0];
    v = {2'b00, b} + {2'b00, p[11:4]};
  end
  always_ff @(posedge clk) y <= (v[9] | v[8]) ? 8'hff : v[7:0];
endmodule
