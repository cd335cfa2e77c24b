module leaky (input clk, input rst, input [2:0] sh, input [7:0] din, output reg [7:0] acc);
  wire signed [8:0] d = $signed({1'b0, din}) - $signed({1'b0, acc});
  wire signed [8:0] q = d >>> sh;
  always @(posedge clk)
    if (rst) acc <= 8'd0;
    else     acc <= acc + q[7:0];
endmodule
