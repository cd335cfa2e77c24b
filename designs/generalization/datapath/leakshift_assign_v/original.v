module leaky (input clk, input rst, input [2:0] sh, input [7:0] din, output reg [7:0] acc);
  wire [15:0] t = acc * ((16'd1 << sh) - 16'd1) + din;
  always @(posedge clk)
    if (rst) acc <= 8'd0;
    else     acc <= t >> sh;
endmodule
