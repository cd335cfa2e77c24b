// Digits by reciprocal multiplication: v/100 = (v*41)>>12 (v<256), w/10 = (w*103)>>10 (w<100).
module bcd_split (
  input  [7:0] val,
  output [1:0] hund,
  output [3:0] tens,
  output [3:0] ones
);
  wire [13:0] h_mul = val * 6'd41;
  wire [1:0]  h     = h_mul[13:12];
  wire [6:0]  w     = val - h * 7'd100;
  wire [13:0] t_mul = w * 7'd103;
  wire [3:0]  t     = t_mul[13:10];
  assign hund = h;
  assign tens = t;
  assign ones = w - t * 4'd10;
endmodule
