// Three comparisons decide both the index and the value.
module argmax3 (
  input  wire [7:0] r0,
  input  wire [7:0] r1,
  input  wire [7:0] r2,
  output wire [1:0] best,
  output wire [7:0] best_rssi
);
  wire c01 = r0 >= r1;
  wire c02 = r0 >= r2;
  wire c12 = r1 >= r2;
  assign best      = (c01 & c02) ? 2'd0 : c12 ? 2'd1 : 2'd2;
  assign best_rssi = (c01 & c02) ? r0 : c12 ? r1 : r2;
endmodule
