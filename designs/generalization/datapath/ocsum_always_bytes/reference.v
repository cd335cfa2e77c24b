// One wide sum of the six bytes, carries folded back twice at the end.
module byte_ocsum (
  input  wire [7:0] b0, b1, b2, b3, b4, b5,
  output wire [7:0] sum
);
  wire [10:0] s  = b0 + b1 + b2 + b3 + b4 + b5;
  wire [8:0]  f1 = s[7:0] + s[10:8];
  assign sum = f1[7:0] + f1[8];
endmodule
