module loudest3 (
  input  signed [9:0] s0, s1, s2,
  output        [1:0] ch,
  output signed [9:0] peak
);
  wire c01 = s0 < s1;
  wire signed [9:0] m01 = c01 ? s1 : s0;
  wire c = m01 < s2;
  assign ch   = c ? 2'd2 : {1'b0, c01};
  assign peak = c ? s2 : m01;
endmodule
