// RISC-V branch condition unit (BEQ/BNE/BLT/BGE/BLTU/BGEU)
module branch_unit (
  input  logic [31:0] rs1,
  input  logic [31:0] rs2,
  input  logic [2:0]  funct3,
  input  logic        is_branch,
  output logic        take
);
  logic eq, lt_s, lt_u, cond;
  assign eq   = (rs1 == rs2);
  assign lt_s = ($signed(rs1) < $signed(rs2));
  assign lt_u = (rs1 < rs2);
  always_comb begin
    unique case (funct3)
      3'b000:  cond = eq;
      3'b001:  cond = !eq;
      3'b100:  cond = lt_s;
      3'b101:  cond = !lt_s;
      3'b110:  cond = lt_u;
      3'b111:  cond = !lt_u;
      default: cond = 1'b0;
    endcase
  end
  assign take = is_branch && cond;
endmodule
