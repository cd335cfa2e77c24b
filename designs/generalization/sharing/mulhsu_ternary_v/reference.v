// Small M-unit of a 16-bit microcontroller core: the low product and the three high products.
// One 9x9 signed multiplier: each operand gets its sign bit or a zero on top, per operation.
module mdu16 (
  input  wire [1:0]  op,   // 0 MUL, 1 MULH (s x s), 2 MULHSU (s x u), 3 MULHU (u x u)
  input  wire [7:0]  rs1,
  input  wire [7:0]  rs2,
  output wire [7:0]  rd
);
  wire s1 = op[0] ^ op[1];          // MULH, MULHSU
  wire s2 = op[0] & ~op[1];         // MULH
  wire signed [8:0]  a = {s1 & rs1[7], rs1};
  wire signed [8:0]  b = {s2 & rs2[7], rs2};
  wire signed [17:0] p = a * b;
  assign rd = (op == 2'd0) ? p[7:0] : p[15:8];
endmodule
