// Strongest of three antenna branches: index and value of the maximum RSSI.
module argmax3 (
  input  wire [7:0] r0,
  input  wire [7:0] r1,
  input  wire [7:0] r2,
  output wire [1:0] best,
  output wire [7:0] best_rssi
);
  assign best = (r0 >= r1 && r0 >= r2) ? 2'd0 :
                (r1 >= r2)             ? 2'd1 : 2'd2;
  wire [7:0] m01 = (r0 > r1) ? r0 : r1;
  assign best_rssi = (m01 > r2) ? m01 : r2;
endmodule
