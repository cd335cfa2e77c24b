// Tile grid: a grid of n x m tiles has (n+1) x (m+1) corner vertices; both counts registered.
module tile_count (
  input clk,
  input [7:0] n, m,
  output reg [15:0] tiles,
  output reg [17:0] verts
);
  always @(posedge clk) begin
    tiles <= n * m;
    verts <= (n + 1'b1) * (m + 1'b1);
  end
endmodule
