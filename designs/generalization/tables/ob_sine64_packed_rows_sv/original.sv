// 64-entry offset-binary sine as two packed 256-bit row constants (row 1 = complement of row 0, each row mirrored), read by row then +: slice
module ob_rom2d (input logic clk, input logic en, input logic [5:0] a, output logic [7:0] q);
  localparam logic [255:0] ROW0 = {8'd134, 8'd146, 8'd158, 8'd170, 8'd182, 8'd193, 8'd203, 8'd213, 8'd222, 8'd230, 8'd236, 8'd242, 8'd247, 8'd251, 8'd253, 8'd254, 8'd254, 8'd253, 8'd251, 8'd247, 8'd242, 8'd236, 8'd230, 8'd222, 8'd213, 8'd203, 8'd193, 8'd182, 8'd170, 8'd158, 8'd146, 8'd134};
  localparam logic [255:0] ROW1 = {8'd121, 8'd109, 8'd97, 8'd85, 8'd73, 8'd62, 8'd52, 8'd42, 8'd33, 8'd25, 8'd19, 8'd13, 8'd8, 8'd4, 8'd2, 8'd1, 8'd1, 8'd2, 8'd4, 8'd8, 8'd13, 8'd19, 8'd25, 8'd33, 8'd42, 8'd52, 8'd62, 8'd73, 8'd85, 8'd97, 8'd109, 8'd121};
  logic [255:0] rowv;
  assign rowv = a[5] ? ROW1 : ROW0;
  always_ff @(posedge clk) if (en) q <= rowv[a[4:0]*8 +: 8];
endmodule
