// RV32I next-PC selection in the execute stage: sequential, branch, JAL and JALR targets.
// One target adder: the base (pc or rs1) and the offset are selected before the add.
module next_pc (
  input  logic [31:0] pc,
  input  logic [31:0] rs1,
  input  logic [31:0] instr,
  input  logic        branch_taken,
  output logic [31:0] pc_next,
  output logic [31:0] link_addr
);
  logic is_br, is_jal, is_jalr;
  logic [31:0] imm_b, imm_j, imm_i, base, offs, target;

  assign is_br   = instr[6:0] == 7'b1100011;
  assign is_jalr = instr[6:0] == 7'b1100111;
  assign is_jal  = instr[6:0] == 7'b1101111;

  assign imm_i = {{20{instr[31]}}, instr[31:20]};
  assign imm_b = {{19{instr[31]}}, instr[31], instr[7], instr[30:25], instr[11:8], 1'b0};
  assign imm_j = {{11{instr[31]}}, instr[31], instr[19:12], instr[20], instr[30:21], 1'b0};

  always_comb begin
    base = is_jalr ? rs1 : pc;
    if (is_jalr)                    offs = imm_i;
    else if (is_jal)                offs = imm_j;
    else if (is_br && branch_taken) offs = imm_b;
    else                            offs = 32'd4;
  end

  assign target    = base + offs;
  assign pc_next   = {target[31:1], target[0] & ~is_jalr};
  assign link_addr = pc + 32'd4;
endmodule
