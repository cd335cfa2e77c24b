module addr_stride #(parameter STRIDE = 20'd45) (
  input  [19:0] base,
  input  [9:0]  row, col,
  output [19:0] addr
);
  wire [19:0] rc = row + col;
  assign addr = base + (rc << 5) + (rc << 3) + (rc << 2) + rc;
endmodule
