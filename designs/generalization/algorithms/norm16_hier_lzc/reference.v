// Staged normalize (8, 4, 2, 1); the tests are the count; a zero input counts 16 and shifts to 0.
module norm16_hier_lzc (
  input  wire [15:0] frac,
  output wire [15:0] norm,
  output wire [4:0]  lz
);
  wire        z3 = ~|frac[15:8];
  wire [15:0] m3 = z3 ? {frac[7:0], 8'd0} : frac;
  wire        z2 = ~|m3[15:12];
  wire [15:0] m2 = z2 ? {m3[11:0], 4'd0} : m3;
  wire        z1 = ~|m2[15:14];
  wire [15:0] m1 = z1 ? {m2[13:0], 2'd0} : m2;
  wire        z0 = ~m1[15];
  assign norm = z0 ? {m1[14:0], 1'b0} : m1;
  assign lz   = norm[15] ? {1'b0, z3, z2, z1, z0} : 5'd16;
endmodule
