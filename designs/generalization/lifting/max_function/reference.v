module peak (
  input  [15:0] x,
  input  [15:0] y,
  output [15:0] m
);
  wire [16:0] d = {1'b0, y} - {1'b0, x};  // d[16]: y < x
  assign m = d[16] ? x : y;
endmodule
