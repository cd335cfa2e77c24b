// Hundreds by two compares, tens by reciprocal multiply-shift (w*103)>>10 for w<100, ones by subtraction.
module bcd_split (
  input  [7:0] val,
  output [1:0] hund,
  output [3:0] tens,
  output [3:0] ones
);
  wire ge200 = val >= 8'd200;
  wire ge100 = val >= 8'd100;
  assign hund = {ge200, ge100 & ~ge200};
  wire [6:0]  w = ge200 ? val - 8'd200 : ge100 ? val - 8'd100 : val[6:0];
  wire [13:0] t_mul = (w << 6) + (w << 5) + (w << 2) + (w << 1) + w;
  wire [3:0]  t = t_mul[13:10];
  assign tens = t;
  assign ones = w[3:0] - {t[2:0], 1'b0} - {t[0], 3'b0};
endmodule
