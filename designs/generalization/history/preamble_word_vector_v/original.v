// Sync-word detector: the last four bytes (one 32-bit shift word, newest in the low byte) equal 1A CF FC 1D
module asm_detect (input clk, input rst, input [7:0] rx, input rx_vld, output reg found);
  reg [31:0] sh;
  always @(posedge clk) begin
    if (rst)
      sh <= 32'd0;
    else if (rx_vld)
      sh <= {sh[23:0], rx};
  end
  always @(posedge clk) begin
    if (rst) found <= 1'b0;
    else found <= (sh == 32'h1ACFFC1D);
  end
endmodule
