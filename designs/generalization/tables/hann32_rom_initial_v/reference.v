// the window is symmetric (w[31-i] == w[i]): store half, mirror the index
module hann32_rom (input clk, input [4:0] idx, output reg [9:0] coef);
  reg [9:0] half [0:15];
  initial begin
    half[0] = 10'd2;
    half[1] = 10'd22;
    half[2] = 10'd59;
    half[3] = 10'd113;
    half[4] = 10'd183;
    half[5] = 10'd264;
    half[6] = 10'd355;
    half[7] = 10'd451;
    half[8] = 10'd549;
    half[9] = 10'd645;
    half[10] = 10'd736;
    half[11] = 10'd817;
    half[12] = 10'd887;
    half[13] = 10'd941;
    half[14] = 10'd978;
    half[15] = 10'd998;
  end
  wire [3:0] a = idx[4] ? ~idx[3:0] : idx[3:0];
  always @(posedge clk) coef <= half[a];
endmodule
