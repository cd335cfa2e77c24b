// RGB565 -> RGB888, round(c*255/cmax) as a constant multiply-add and shift (exact for all codes).
module rgb565_to_888 (
  input  [15:0] pix565,
  output [23:0] pix888
);
  wire [4:0] r5 = pix565[15:11];
  wire [5:0] g6 = pix565[10:5];
  wire [4:0] b5 = pix565[4:0];

  // 527 = 512 + 16 - 1, 259 = 256 + 2 + 1
  wire [14:0] r_t = {r5, 9'd0} + {r5, 4'd0} - r5 + 15'd23;
  wire [14:0] g_t = {g6, 8'd0} + {g6, 1'b0} + g6 + 15'd33;
  wire [14:0] b_t = {b5, 9'd0} + {b5, 4'd0} - b5 + 15'd23;

  assign pix888 = {r_t[13:6], g_t[13:6], b_t[13:6]};
endmodule
