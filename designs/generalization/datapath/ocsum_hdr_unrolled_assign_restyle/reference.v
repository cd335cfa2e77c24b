// One wide sum of the four words, folded twice at the end (RFC 1071 style).
module hdr_csum4 (
  input  [63:0] hdr,
  input         chk_en,
  output [15:0] csum,
  output        hdr_ok
);
  wire [17:0] s  = hdr[15:0] + hdr[31:16] + hdr[47:32] + hdr[63:48];
  wire [16:0] g  = s[15:0] + s[17:16];
  wire [15:0] f  = g[15:0] + g[16];
  assign csum   = ~f;
  assign hdr_ok = chk_en & (&f);
endmodule
