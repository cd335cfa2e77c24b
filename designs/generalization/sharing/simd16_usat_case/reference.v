// One 34-bit adder: the separator bit passes the carry in 32-bit mode and catches the low lane's
// carry-out in lane mode; the top bit is the high lane's carry-out.
module simd16_usat_case (
  input  wire [31:0] x,
  input  wire [31:0] y,
  input  wire [1:0]  mode,
  output wire [31:0] z
);
  wire        lanes = (mode == 2'b01);
  wire [33:0] s  = {1'b0, x[31:16], ~lanes, x[15:0]} + {1'b0, y[31:16], 1'b0, y[15:0]};
  wire [31:0] sum = {s[32:17], s[15:0]};
  assign z = lanes ? {s[33] ? 16'hFFFF : sum[31:16], s[16] ? 16'hFFFF : sum[15:0]} : sum;
endmodule
