// RV32I next-PC selection in the execute stage: sequential, branch, JAL and JALR targets.
module next_pc (
  input  logic [31:0] pc,
  input  logic [31:0] rs1,
  input  logic [31:0] instr,
  input  logic        branch_taken,
  output logic [31:0] pc_next,
  output logic [31:0] link_addr
);
  typedef enum logic [6:0] {
    OPC_BRANCH = 7'b1100011,
    OPC_JALR   = 7'b1100111,
    OPC_JAL    = 7'b1101111
  } opcode_e;

  logic [31:0] imm_b, imm_j, imm_i;
  logic [31:0] pc_plus4, br_target, jal_target, jalr_target;

  assign imm_i = {{20{instr[31]}}, instr[31:20]};
  assign imm_b = {{19{instr[31]}}, instr[31], instr[7], instr[30:25], instr[11:8], 1'b0};
  assign imm_j = {{11{instr[31]}}, instr[31], instr[19:12], instr[20], instr[30:21], 1'b0};

  assign pc_plus4    = pc + 32'd4;
  assign br_target   = pc + imm_b;
  assign jal_target  = pc + imm_j;
  assign jalr_target = (rs1 + imm_i) & ~32'd1;

  always_comb begin
    unique case (instr[6:0])
      OPC_BRANCH: pc_next = branch_taken ? br_target : pc_plus4;
      OPC_JAL:    pc_next = jal_target;
      OPC_JALR:   pc_next = jalr_target;
      default:    pc_next = pc_plus4;
    endcase
  end

  assign link_addr = pc_plus4;
endmodule
