// One adder: the beat size is the carry-in.
module rd_ptr_adv (
  input  wire [11:0] rd_ptr,
  input  wire [11:0] stride,
  input  wire        dbl,
  output wire [11:0] rd_next
);
  assign rd_next = rd_ptr + stride + 12'd1 + dbl;
endmodule
