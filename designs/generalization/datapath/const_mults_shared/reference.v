module const_mults_shared (
  input  [11:0] s,
  output [15:0] g5, g13, g21
);
  wire [15:0] s5 = (s << 2) + s;
  assign g5  = s5;
  assign g13 = s5 + (s << 3);
  assign g21 = s5 + (s << 4);
endmodule
