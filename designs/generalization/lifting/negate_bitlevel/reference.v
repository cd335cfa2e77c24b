module neg12 (
  input  [11:0] x,
  output [11:0] nx
);
  assign nx = -x;
endmodule
