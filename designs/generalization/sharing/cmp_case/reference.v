module cmpsel (
  input  [15:0] a, b,
  input  [1:0]  op,
  output        flag
);
  // one comparator: swap operands for > and <=, invert for <= and >=
  wire        swap = op[0] ^ op[1];
  wire [15:0] x = swap ? b : a;
  wire [15:0] z = swap ? a : b;
  assign flag = (x < z) ^ op[1];
endmodule
