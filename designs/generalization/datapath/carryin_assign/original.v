// Read pointer advance of a 2-entry-per-beat FIFO: one or two entries per
// cycle depending on the beat size (continuous assignment).
module rd_ptr_adv (
  input  wire [11:0] rd_ptr,
  input  wire [11:0] stride,
  input  wire        dbl,
  output wire [11:0] rd_next
);
  assign rd_next = dbl ? rd_ptr + stride + 12'd2 : rd_ptr + stride + 12'd1;
endmodule
