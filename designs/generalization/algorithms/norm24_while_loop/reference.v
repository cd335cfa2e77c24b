// Normalize by stages of 16, 8, 4, 2, 1: each stage's zero test is one bit of the shift count.
module norm24_while_loop (
  input  wire [23:0] m_in,
  output wire [23:0] m_out,
  output wire [4:0]  shift
);
  wire        z4 = ~|m_in[23:8];
  wire [23:0] m4 = z4 ? {m_in[7:0], 16'd0} : m_in;
  wire        z3 = ~|m4[23:16];
  wire [23:0] m3 = z3 ? {m4[15:0], 8'd0} : m4;
  wire        z2 = ~|m3[23:20];
  wire [23:0] m2 = z2 ? {m3[19:0], 4'd0} : m3;
  wire        z1 = ~|m2[23:22];
  wire [23:0] m1 = z1 ? {m2[21:0], 2'd0} : m2;
  wire        z0 = ~m1[23];
  assign m_out = z0 ? {m1[22:0], 1'b0} : m1;
  // all-zero input: the loop counts 24 shifts
  assign shift = m_out[23] ? {z4, z3, z2, z1, z0} : 5'd24;
endmodule
