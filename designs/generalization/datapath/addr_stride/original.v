module addr_stride #(parameter STRIDE = 20'd45) (
  input  [19:0] base,
  input  [9:0]  row, col,
  output [19:0] addr
);
  wire [19:0] row_off = row * STRIDE;
  wire [19:0] col_off = col * STRIDE;
  assign addr = base + row_off + col_off;
endmodule
