// RISC-V branch condition unit (BEQ/BNE/BLT/BGE/BLTU/BGEU)
module branch_unit (
  input  logic [31:0] rs1,
  input  logic [31:0] rs2,
  input  logic [2:0]  funct3,
  input  logic        is_branch,
  output logic        take
);
  logic eq, lt, cond, sgn;
  assign sgn = !funct3[1];               // BLT/BGE are signed, BLTU/BGEU unsigned
  assign eq  = (rs1 == rs2);
  assign lt  = ($signed({sgn & rs1[31], rs1}) < $signed({sgn & rs2[31], rs2}));
  always_comb begin
    unique case (funct3)
      3'b000:  cond = eq;
      3'b001:  cond = !eq;
      3'b100, 3'b110: cond = lt;
      3'b101, 3'b111: cond = !lt;
      default: cond = 1'b0;
    endcase
  end
  assign take = is_branch && cond;
endmodule
