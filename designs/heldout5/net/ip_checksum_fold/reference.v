// One wide sum, the carries folded back at the end (RFC 1071 style).
module csum4 (
  input  wire [63:0] words,
  output wire [15:0] csum
);
  wire [17:0] s  = words[15:0] + words[31:16] + words[47:32] + words[63:48];
  wire [16:0] f1 = s[15:0] + s[17:16];
  wire [15:0] f2 = f1[15:0] + f1[16];
  assign csum = ~f2;
endmodule
