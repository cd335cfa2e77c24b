// RGB565 -> RGB888 with exact rounding: round(c * 255 / cmax).
module rgb565_to_888 (
  input  [15:0] pix565,
  output [23:0] pix888
);
  wire [4:0] r5 = pix565[15:11];
  wire [5:0] g6 = pix565[10:5];
  wire [4:0] b5 = pix565[4:0];

  wire [13:0] r_num = r5 * 14'd255 + 14'd15;
  wire [13:0] g_num = g6 * 14'd255 + 14'd31;
  wire [13:0] b_num = b5 * 14'd255 + 14'd15;

  wire [13:0] r8 = r_num / 14'd31;
  wire [13:0] g8 = g_num / 14'd63;
  wire [13:0] b8 = b_num / 14'd31;

  assign pix888 = {r8[7:0], g8[7:0], b8[7:0]};
endmodule
