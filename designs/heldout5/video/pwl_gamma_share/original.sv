// Programmable piecewise-linear gamma curve: 4 segments on x[7:6],
// y = base[s] + (slope[s] * x[5:0]) >> 4, clamped to 8 bits.
module pwl_gamma (
  input  logic           clk,
  input  logic [7:0]     x,
  input  logic [3:0][7:0] base,
  input  logic [3:0][7:0] slope,      // U4.4 per segment
  output logic [7:0]     y
);
  logic [3:0][9:0] seg_y;
  for (genvar s = 0; s < 4; s++) begin : g_seg
    logic [13:0] prod;
    always_comb begin
      prod     = slope[s] * x[5:0];
      seg_y[s] = {2'b00, base[s]} + {2'b00, prod[11:4]};
    end
  end
  logic [9:0] v;
  always_comb v = seg_y[x[7:6]];
  always_ff @(posedge clk) y <= (v > 10'd255) ? 8'hff : v[7:0];
endmodule
