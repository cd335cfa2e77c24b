// 16-bit counter; flags the all-ones count (first reached after 65535 cycles)
module wrap(input clk, input rst, output full);
  reg [15:0] c;
  always @(posedge clk) if (rst) c <= 16'd0; else c <= c + 16'd1;
  assign full = (c == 16'hffff);
endmodule
