// BT.601 studio-range luma from 8-bit RGB, registered.
module rgb2y (
  input  wire       clk,
  input  wire [7:0] r,
  input  wire [7:0] g,
  input  wire [7:0] b,
  output reg  [7:0] y
);
  localparam [7:0] KR = 8'd66, KG = 8'd129, KB = 8'd25;
  wire [16:0] sum = KR * r + KG * g + KB * b + 17'd128;
  always @(posedge clk)
    y <= sum[15:8] + 8'd16;
endmodule
