// 8-bit linear interpolation between two samples, t in 1/256 steps (texture / audio resampler).
module lerp8 (
  input  wire [7:0] a,
  input  wire [7:0] b,
  input  wire [7:0] t,
  output wire [7:0] y
);
  wire [16:0] wa = a * (9'd256 - t);
  wire [16:0] wb = b * t;
  wire [16:0] s  = wa + wb;
  assign y = s[15:8];
endmodule
