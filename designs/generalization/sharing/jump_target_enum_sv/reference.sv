// Control-transfer target of a small RISC-style core: branch and JAL are pc-relative,
// JALR is register-relative; one adder, base and offset selected first.
module jump_target (
  input  logic [15:0] pc,
  input  logic [15:0] rs1,
  input  logic [15:0] instr,
  output logic [15:0] target
);
  logic is_br, is_jal, is_jalr;
  assign is_br   = instr[2:0] == 3'b011;
  assign is_jal  = instr[2:0] == 3'b110;
  assign is_jalr = instr[2:0] == 3'b111;

  logic [15:0] base, offs;
  always_comb begin
    base = is_jalr ? rs1 : pc;
    if (is_br)        offs = {{8{instr[15]}}, instr[15:9], 1'b0};
    else if (is_jal)  offs = {{4{instr[15]}}, instr[15:4]};
    else if (is_jalr) offs = {{9{instr[15]}}, instr[15:9]};
    else              offs = 16'd0;
  end
  assign target = base + offs;
endmodule
