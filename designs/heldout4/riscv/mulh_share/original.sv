// M-extension multiplier of a small XLEN-parameterized core: MUL, MULH, MULHSU, MULHU.
module mul_unit #(
  parameter int XLEN = 32
) (
  input  logic [1:0]      funct,     // 0 MUL, 1 MULH, 2 MULHSU, 3 MULHU
  input  logic [XLEN-1:0] a,
  input  logic [XLEN-1:0] b,
  output logic [XLEN-1:0] res
);
  logic signed [2*XLEN-1:0] p_ss, p_su;
  logic        [2*XLEN-1:0] p_uu;

  assign p_ss = $signed(a) * $signed(b);
  assign p_su = $signed({{XLEN{a[XLEN-1]}}, a}) * $signed({{XLEN{1'b0}}, b});
  assign p_uu = a * b;

  always_comb begin
    unique case (funct)
      2'd0: res = p_uu[XLEN-1:0];
      2'd1: res = p_ss[2*XLEN-1:XLEN];
      2'd2: res = p_su[2*XLEN-1:XLEN];
      default: res = p_uu[2*XLEN-1:XLEN];  // 3: MULHU
    endcase
  end
endmodule

module mul8 (
  input  logic [1:0]  funct,
  input  logic [7:0]  a,
  input  logic [7:0]  b,
  output logic [7:0]  res
);
  mul_unit #(.XLEN(8)) u_mul (.*);
endmodule
