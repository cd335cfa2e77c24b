// Control-transfer target of a small RISC-style core: branch and JAL are pc-relative,
// JALR is register-relative; decoded with a typedef enum opcode.
module jump_target (
  input  logic [15:0] pc,
  input  logic [15:0] rs1,
  input  logic [15:0] instr,
  output logic [15:0] target
);
  typedef enum logic [2:0] {
    OP_BR   = 3'b011,
    OP_JAL  = 3'b110,
    OP_JALR = 3'b111
  } op_e;
  op_e op;
  assign op = op_e'(instr[2:0]);

  logic [15:0] off_b, off_j, off_i;
  assign off_b = {{8{instr[15]}}, instr[15:9], 1'b0};
  assign off_j = {{4{instr[15]}}, instr[15:4]};
  assign off_i = {{9{instr[15]}}, instr[15:9]};

  always_comb begin
    unique case (op)
      OP_BR:   target = pc + off_b;
      OP_JAL:  target = pc + off_j;
      OP_JALR: target = rs1 + off_i;
      default: target = pc;
    endcase
  end
endmodule
