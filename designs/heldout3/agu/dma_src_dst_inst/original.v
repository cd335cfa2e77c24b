// 2D DMA address generation: base + row*pitch + col, for the source and the destination side.
module addr2d #(
  parameter AW = 32,
  parameter RW = 8,
  parameter CW = 8
) (
  input  wire [AW-1:0] base,
  input  wire [RW-1:0] row,
  input  wire [CW-1:0] col,
  input  wire [11:0]   pitch,
  output wire [AW-1:0] addr
);
  assign addr = base + row * pitch + col;
endmodule

module dma_agu (
  input  wire        sel_dst,        // 0: read side, 1: write side
  input  wire [23:0] src_base,
  input  wire [23:0] dst_base,
  input  wire [11:0] src_pitch,
  input  wire [11:0] dst_pitch,
  input  wire [5:0]  row,
  input  wire [7:0]  col,
  output wire [23:0] mem_addr
);
  wire [23:0] src_addr, dst_addr;
  addr2d #(.AW(24), .RW(6), .CW(8)) u_src (.base(src_base), .row(row), .col(col), .pitch(src_pitch), .addr(src_addr));
  addr2d #(.AW(24), .RW(6), .CW(8)) u_dst (.base(dst_base), .row(row), .col(col), .pitch(dst_pitch), .addr(dst_addr));
  assign mem_addr = sel_dst ? dst_addr : src_addr;
endmodule
