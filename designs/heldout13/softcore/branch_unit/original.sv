// Small RISC core branch unit: funct3 selects the comparison (BEQ/BNE/BLT/BGE/BLTU/BGEU).
module br_cmp #(parameter int XLEN = 32) (
  input  logic [XLEN-1:0] rs1, rs2,
  input  logic [2:0]      f3,
  output logic            take
);
  logic eq, ne, lt, ge, ltu, geu;
  always_comb begin
    eq  = (rs1 == rs2);
    ne  = (rs1 != rs2);
    lt  = ($signed(rs1) <  $signed(rs2));
    ge  = ($signed(rs1) >= $signed(rs2));
    ltu = (rs1 <  rs2);
    geu = (rs1 >= rs2);
    unique case (f3)
      3'b000:  take = eq;
      3'b001:  take = ne;
      3'b100:  take = lt;
      3'b101:  take = ge;
      3'b110:  take = ltu;
      3'b111:  take = geu;
      default: take = 1'b0;
    endcase
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
