// Address generation of a small load/store unit with three addressing modes:
// base + imm, base + index (register), base + (index << size) (scaled), and a
// post-increment writeback base + (1 << size).
// The modes are exclusive: the offset is selected first and one adder serves all of them.
module lsu_agu (
  input  wire [1:0]  mode,       // 0: imm, 1: reg, 2: scaled reg, 3: post-increment
  input  wire [1:0]  size,       // log2 of the access size in bytes
  input  wire [31:0] base,
  input  wire [31:0] index,
  input  wire [11:0] imm,
  output reg  [31:0] addr,
  output reg  [31:0] wb_base
);
  reg  [31:0] offs;
  wire [31:0] idx_sh = index << (mode[1] ? size : 2'd0);
  always @* begin
    case (mode)
      2'd0:    offs = {{20{imm[11]}}, imm};
      2'd3:    offs = {28'd0, size == 2'd3, size == 2'd2, size == 2'd1, size == 2'd0};
      default: offs = idx_sh;
    endcase
  end
  wire [31:0] sum = base + offs;

  always @* begin
    if (mode == 2'd3) begin addr = base; wb_base = sum;  end
    else              begin addr = sum;  wb_base = base; end
  end
endmodule
