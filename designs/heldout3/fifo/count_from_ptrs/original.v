// FIFO status block: pointers and a full flag in, occupancy and watermark flags out.
module fifo_status #(
  parameter DEPTH = 16,
  parameter AW    = $clog2(DEPTH)
) (
  input  wire [AW-1:0] wptr,
  input  wire [AW-1:0] rptr,
  input  wire          full,
  input  wire [AW:0]   hi_mark,
  input  wire [AW:0]   lo_mark,
  output reg  [AW:0]   count,
  output wire          above_hi,
  output wire          below_lo,
  output wire          empty
);
  always @* begin
    if (full)
      count = DEPTH;
    else if (wptr >= rptr)
      count = wptr - rptr;
    else
      count = DEPTH - rptr + wptr;
  end
  assign above_hi = (count >= hi_mark);
  assign below_lo = (count <= lo_mark);
  assign empty    = (count == 0);
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
