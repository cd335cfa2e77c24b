// Staged normalize (8, 4, 2, 1); the stage tests form the count; a zero fraction counts 0.
module norm12_casez (
  input  wire [11:0] frac,
  input  wire [5:0]  exp_in,
  output wire [11:0] frac_n,
  output wire [5:0]  exp_n
);
  wire        z3 = ~|frac[11:4];
  wire [11:0] m3 = z3 ? {frac[3:0], 8'd0} : frac;
  wire        z2 = ~|m3[11:8];
  wire [11:0] m2 = z2 ? {m3[7:0], 4'd0} : m3;
  wire        z1 = ~|m2[11:10];
  wire [11:0] m1 = z1 ? {m2[9:0], 2'd0} : m2;
  wire        z0 = ~m1[11];
  assign frac_n = z0 ? {m1[10:0], 1'b0} : m1;
  wire [3:0] lz = frac_n[11] ? {z3, z2, z1, z0} : 4'd0;
  assign exp_n  = exp_in - {2'b00, lz};
endmodule
