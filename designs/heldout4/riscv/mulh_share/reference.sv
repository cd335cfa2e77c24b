// M-extension multiplier of a small XLEN-parameterized core: MUL, MULH, MULHSU, MULHU.
// One (XLEN+1)x(XLEN+1) signed multiplier; each operand is sign- or zero-extended per funct.
module mul_unit #(
  parameter int XLEN = 32
) (
  input  logic [1:0]      funct,     // 0 MUL, 1 MULH, 2 MULHSU, 3 MULHU
  input  logic [XLEN-1:0] a,
  input  logic [XLEN-1:0] b,
  output logic [XLEN-1:0] res
);
  logic a_sgn, b_sgn;
  logic signed [XLEN:0]     ax, bx;
  logic signed [2*XLEN+1:0] p;

  assign a_sgn = (funct == 2'd1) || (funct == 2'd2);
  assign b_sgn = (funct == 2'd1);
  assign ax = {a_sgn & a[XLEN-1], a};
  assign bx = {b_sgn & b[XLEN-1], b};
  assign p  = ax * bx;
  assign res = (funct == 2'd0) ? p[XLEN-1:0] : p[2*XLEN-1:XLEN];
endmodule

module mul8 (
  input  logic [1:0]  funct,
  input  logic [7:0]  a,
  input  logic [7:0]  b,
  output logic [7:0]  res
);
  mul_unit #(.XLEN(8)) u_mul (.*);
endmodule
