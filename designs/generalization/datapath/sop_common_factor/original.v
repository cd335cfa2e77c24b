module sop_common_factor (
  input  [11:0] gain,
  input  [11:0] x0, x1, x2,
  output [23:0] y
);
  wire [23:0] p0 = gain * x0;
  wire [23:0] p1 = gain * x1;
  wire [23:0] p2;
  assign p2 = gain * x2;
  assign y = p0 + p1 + p2;
endmodule
