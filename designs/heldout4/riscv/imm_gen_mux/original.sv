// RV32I immediate generator with the immediate type decoded from the opcode.
module imm_gen (
  input  logic [31:0] instr,
  output logic [31:0] imm
);
  typedef enum logic [2:0] {IMM_I, IMM_S, IMM_B, IMM_U, IMM_J, IMM_Z} imm_sel_e;
  imm_sel_e sel;

  always_comb begin
    unique case (instr[6:2])
      5'b00000, 5'b00100, 5'b11001, 5'b00011: sel = IMM_I;  // load, op-imm, jalr, fence
      5'b01000:                              sel = IMM_S;  // store
      5'b11000:                              sel = IMM_B;  // branch
      5'b01101, 5'b00101:                    sel = IMM_U;  // lui, auipc
      5'b11011:                              sel = IMM_J;  // jal
      default:                               sel = IMM_Z;  // op, system
    endcase
  end

  logic [31:0] i_imm, s_imm, b_imm, u_imm, j_imm;
  assign i_imm = {{21{instr[31]}}, instr[30:20]};
  assign s_imm = {{21{instr[31]}}, instr[30:25], instr[11:7]};
  assign b_imm = {{20{instr[31]}}, instr[7], instr[30:25], instr[11:8], 1'b0};
  assign u_imm = {instr[31:12], 12'b0};
  assign j_imm = {{12{instr[31]}}, instr[19:12], instr[20], instr[30:21], 1'b0};

  always_comb begin
    unique case (sel)
      IMM_I:   imm = i_imm;
      IMM_S:   imm = s_imm;
      IMM_B:   imm = b_imm;
      IMM_U:   imm = u_imm;
      IMM_J:   imm = j_imm;
      default: imm = 32'd0;
    endcase
  end
endmodule
