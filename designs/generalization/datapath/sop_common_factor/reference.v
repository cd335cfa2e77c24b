module sop_common_factor (
  input  [11:0] gain,
  input  [11:0] x0, x1, x2,
  output [23:0] y
);
  assign y = gain * (x0 + x1 + x2);
endmodule
