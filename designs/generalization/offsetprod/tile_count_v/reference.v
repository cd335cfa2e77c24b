// Tile grid (reference: the vertex count from the tile count).
module tile_count (
  input clk,
  input [7:0] n, m,
  output reg [15:0] tiles,
  output reg [17:0] verts
);
  wire [15:0] t = n * m;
  always @(posedge clk) begin
    tiles <= t;
    verts <= t + n + m + 1'b1;
  end
endmodule
