// 2D DMA address generation: one unit, operands muxed by the side being accessed.
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
  input  wire        sel_dst,
  input  wire [23:0] src_base,
  input  wire [23:0] dst_base,
  input  wire [11:0] src_pitch,
  input  wire [11:0] dst_pitch,
  input  wire [5:0]  row,
  input  wire [7:0]  col,
  output wire [23:0] mem_addr
);
  addr2d #(.AW(24), .RW(6), .CW(8)) u_agu (.base(sel_dst ? dst_base : src_base), .row(row), .col(col),
                                           .pitch(sel_dst ? dst_pitch : src_pitch), .addr(mem_addr));
endmodule
