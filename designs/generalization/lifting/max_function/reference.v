module peak (
  input  [15:0] x,
  input  [15:0] y,
  output [15:0] m
);
  assign m = (x > y) ? x : y;
endmodule
