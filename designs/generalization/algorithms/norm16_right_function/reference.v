// Staged right normalize (8, 4, 2, 1): each stage tests the low bits; the tests are the trailing-zero count.
module norm16_right_function (
  input  wire [15:0] v,
  output wire [15:0] odd_part,
  output wire [4:0]  tz
);
  wire        z3 = ~|v[7:0];
  wire [15:0] m3 = z3 ? {8'd0, v[15:8]} : v;
  wire        z2 = ~|m3[3:0];
  wire [15:0] m2 = z2 ? {4'd0, m3[15:4]} : m3;
  wire        z1 = ~|m2[1:0];
  wire [15:0] m1 = z1 ? {2'd0, m2[15:2]} : m2;
  wire        z0 = ~m1[0];
  assign odd_part = z0 ? {1'b0, m1[15:1]} : m1;
  assign tz = odd_part[0] ? {1'b0, z3, z2, z1, z0} : 5'd16;
endmodule
