// Address generation of a small load/store unit with three addressing modes:
// base + imm, base + index (register), base + (index << size) (scaled), and a
// post-increment writeback base + (1 << size).
module lsu_agu (
  input  wire [1:0]  mode,       // 0: imm, 1: reg, 2: scaled reg, 3: post-increment
  input  wire [1:0]  size,       // log2 of the access size in bytes
  input  wire [31:0] base,
  input  wire [31:0] index,
  input  wire [11:0] imm,
  output reg  [31:0] addr,
  output reg  [31:0] wb_base
);
  wire [31:0] a_imm    = base + {{20{imm[11]}}, imm};
  wire [31:0] a_reg    = base + index;
  wire [31:0] a_scaled = base + (index << size);
  wire [31:0] a_inc    = base + (32'd1 << size);

  always @* begin
    case (mode)
      2'd0: begin addr = a_imm;    wb_base = base;  end
      2'd1: begin addr = a_reg;    wb_base = base;  end
      2'd2: begin addr = a_scaled; wb_base = base;  end
      default: begin addr = base;  wb_base = a_inc; end
    endcase
  end
endmodule
