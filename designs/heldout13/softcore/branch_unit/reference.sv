// Small RISC core branch unit: funct3 selects the comparison (BEQ/BNE/BLT/BGE/BLTU/BGEU).
module br_cmp #(parameter int XLEN = 32) (
  input  logic [XLEN-1:0] rs1, rs2,
  input  logic [2:0]      f3,
  output logic            take
);
  // one subtractor: its borrow gives ltu; signed lt flips on differing signs;
  // f3[0] inverts the sense (NE/BGE/BGEU)
  logic [XLEN:0] d;
  logic eq, ltu, lt, base;
  always_comb begin
    d    = {1'b0, rs1} - {1'b0, rs2};
    eq   = (rs1 == rs2);
    ltu  = d[XLEN];
    lt   = (rs1[XLEN-1] ^ rs2[XLEN-1]) ? rs1[XLEN-1] : ltu;
    case (f3[2:1])
      2'b00:   base = eq;
      2'b10:   base = lt;
      2'b11:   base = ltu;
      default: base = 1'b1;
    endcase
    take = (f3[2:1] == 2'b01) ? 1'b0 : (base ^ f3[0]);
  end
endmodule

module branch_unit (
  input  logic [15:0] rs1, rs2,
  input  logic [2:0]  funct3,
  input  logic        is_branch,
  output logic        taken
);
  logic t;
  br_cmp #(.XLEN(16)) u_cmp (.rs1, .rs2, .f3(funct3), .take(t));
  assign taken = is_branch & t;
endmodule
