// 32-point raised-cosine (Hann) window coefficient ROM, read each cycle by the sample index
module hann32_rom (input clk, input [4:0] idx, output reg [9:0] coef);
  reg [9:0] win [0:31];
  initial begin
    win[0] = 10'd2;
    win[1] = 10'd22;
    win[2] = 10'd59;
    win[3] = 10'd113;
    win[4] = 10'd183;
    win[5] = 10'd264;
    win[6] = 10'd355;
    win[7] = 10'd451;
    win[8] = 10'd549;
    win[9] = 10'd645;
    win[10] = 10'd736;
    win[11] = 10'd817;
    win[12] = 10'd887;
    win[13] = 10'd941;
    win[14] = 10'd978;
    win[15] = 10'd998;
    win[16] = 10'd998;
    win[17] = 10'd978;
    win[18] = 10'd941;
    win[19] = 10'd887;
    win[20] = 10'd817;
    win[21] = 10'd736;
    win[22] = 10'd645;
    win[23] = 10'd549;
    win[24] = 10'd451;
    win[25] = 10'd355;
    win[26] = 10'd264;
    win[27] = 10'd183;
    win[28] = 10'd113;
    win[29] = 10'd59;
    win[30] = 10'd22;
    win[31] = 10'd2;
  end
  always @(posedge clk) coef <= win[idx];
endmodule
