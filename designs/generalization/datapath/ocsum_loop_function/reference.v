// One wide sum of the four words, the carries folded back twice at the end.
module blk_csum (
  input  wire [63:0] data,
  output wire [15:0] csum
);
  wire [17:0] s = data[15:0] + data[31:16] + data[47:32] + data[63:48];
  wire [16:0] f1 = s[15:0] + s[17:16];
  wire [15:0] f2 = f1[15:0] + f1[16];
  assign csum = ~f2;
endmodule
