// RV32I immediate generator, per-field: each bit range has only the sources that can reach it.
module imm_gen (
  input  logic [31:0] instr,
  output logic [31:0] imm
);
  logic is_i, is_s, is_b, is_u, is_j, any;
  logic [4:0] op;
  assign op   = instr[6:2];
  assign is_i = (op == 5'b00000) | (op == 5'b00100) | (op == 5'b11001) | (op == 5'b00011);
  assign is_s = (op == 5'b01000);
  assign is_b = (op == 5'b11000);
  assign is_u = (op == 5'b01101) | (op == 5'b00101);
  assign is_j = (op == 5'b11011);
  assign any  = is_i | is_s | is_b | is_u | is_j;

  logic sign;
  assign sign = instr[31] & any;
  // bit 31: sign for all types (U: instr[31] too)
  assign imm[31]    = sign;
  // bits 30:20: U takes instr[30:20]; the rest sign
  assign imm[30:20] = is_u ? instr[30:20] : {11{sign & ~is_u}};
  // bits 19:12: U and J take instr[19:12]
  assign imm[19:12] = (is_u | is_j) ? instr[19:12] : {8{sign}};
  // bit 11: I,S sign; B instr[7]; J instr[20]; U 0
  assign imm[11]    = (is_i | is_s) ? instr[31] : is_b ? instr[7] : is_j ? instr[20] : 1'b0;
  // bits 10:5: I,S,B,J instr[30:25]; U 0
  assign imm[10:5]  = (any & ~is_u) ? instr[30:25] : 6'd0;
  // bits 4:1: I,J instr[24:21]; S,B instr[11:8]
  assign imm[4:1]   = (is_i | is_j) ? instr[24:21] : (is_s | is_b) ? instr[11:8] : 4'd0;
  // bit 0: I instr[20]; S instr[7]
  assign imm[0]     = (is_i & instr[20]) | (is_s & instr[7]);
endmodule
