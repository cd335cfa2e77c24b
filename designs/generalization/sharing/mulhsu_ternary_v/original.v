// Small M-unit of a 16-bit microcontroller core: the low product and the three high products.
// Each flavour has its own multiplier; the operation code picks one.
module mdu16 (
  input  wire [1:0]  op,   // 0 MUL, 1 MULH (s x s), 2 MULHSU (s x u), 3 MULHU (u x u)
  input  wire [7:0]  rs1,
  input  wire [7:0]  rs2,
  output wire [7:0]  rd
);
  wire [15:0] prod_uu = rs1 * rs2;
  wire [15:0] prod_ss = {{8{rs1[7]}}, rs1} * {{8{rs2[7]}}, rs2};
  wire [15:0] prod_su = {{8{rs1[7]}}, rs1} * {8'd0, rs2};

  // the operation picks one flavour
  assign rd = (op == 2'd0) ? prod_uu[7:0] :
              (op == 2'd1) ? prod_ss[15:8] :
              (op == 2'd2) ? prod_su[15:8] : prod_uu[15:8];
endmodule
