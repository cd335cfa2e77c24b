// FIFO status block: count = {full, wptr - rptr} (modulo DEPTH; DEPTH is a power of two).
module fifo_status #(
  parameter DEPTH = 16,
  parameter AW    = $clog2(DEPTH)
) (
  input  wire [AW-1:0] wptr,
  input  wire [AW-1:0] rptr,
  input  wire          full,
  input  wire [AW:0]   hi_mark,
  input  wire [AW:0]   lo_mark,
  output wire [AW:0]   count,
  output wire          above_hi,
  output wire          below_lo,
  output wire          empty
);
  wire [AW-1:0] diff = wptr - rptr;
  assign count    = {full, full ? {AW{1'b0}} : diff};
  assign above_hi = (count >= hi_mark);
  assign below_lo = (count <= lo_mark);
  assign empty    = !full && (diff == {AW{1'b0}});
endmodule

module fifo_status_top (
  input  wire [4:0] wptr,
  input  wire [4:0] rptr,
  input  wire       full,
  input  wire [5:0] hi_mark,
  input  wire [5:0] lo_mark,
  output wire [5:0] count,
  output wire       above_hi,
  output wire       below_lo,
  output wire       empty
);
  fifo_status #(.DEPTH(32)) u_st (.wptr(wptr), .rptr(rptr), .full(full), .hi_mark(hi_mark), .lo_mark(lo_mark),
                                  .count(count), .above_hi(above_hi), .below_lo(below_lo), .empty(empty));
endmodule
