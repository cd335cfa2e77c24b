// SECDED(39,32) encoder, factored: codeword position p = 8h + l; r<h> is the parity of the data bits in
// row h, c<l> of those in column l; check bits 0-2 are parities of columns, 3-5 of rows, and the
// overall parity is that of all rows and the six check bits.
module secded39_enc (
  input  wire [31:0] d,
  output wire [6:0]  chk
);
  wire r0 = d[0] ^ d[1] ^ d[2] ^ d[3];
  wire r1 = d[4] ^ d[5] ^ d[6] ^ d[7] ^ d[8] ^ d[9] ^ d[10];
  wire r2 = d[11] ^ d[12] ^ d[13] ^ d[14] ^ d[15] ^ d[16] ^ d[17];
  wire r3 = d[18] ^ d[19] ^ d[20] ^ d[21] ^ d[22] ^ d[23] ^ d[24] ^ d[25];
  wire r4 = d[26] ^ d[27] ^ d[28] ^ d[29] ^ d[30] ^ d[31];
  wire c1 = d[4] ^ d[11] ^ d[19] ^ d[26];
  wire c2 = d[5] ^ d[12] ^ d[20] ^ d[27];
  wire c3 = d[0] ^ d[6] ^ d[13] ^ d[21] ^ d[28];
  wire c4 = d[7] ^ d[14] ^ d[22] ^ d[29];
  wire c5 = d[1] ^ d[8] ^ d[15] ^ d[23] ^ d[30];
  wire c6 = d[2] ^ d[9] ^ d[16] ^ d[24] ^ d[31];
  wire c7 = d[3] ^ d[10] ^ d[17] ^ d[25];
  assign chk[0] = c1 ^ c3 ^ c5 ^ c7;
  assign chk[1] = c2 ^ c3 ^ c6 ^ c7;
  assign chk[2] = c4 ^ c5 ^ c6 ^ c7;
  assign chk[3] = r1 ^ r3;
  assign chk[4] = r2 ^ r3;
  assign chk[5] = r4;
  assign chk[6] = r0 ^ r1 ^ r2 ^ r3 ^ r4 ^ ^chk[5:0];
endmodule
