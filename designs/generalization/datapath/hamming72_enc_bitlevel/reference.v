// Hamming(72,64) SECDED encoder, factored: codeword position = 8*h + l; R[h] = parity of the data bits
// in row h, C[l] = parity of the data bits in column l; check bit k < 3 is the parity of the columns with
// l[k] set, k >= 3 of the rows with h[k-3] set; the overall parity is that of all rows and check bits.
module secded72_enc (
  input  wire [63:0] d,
  output wire [7:0]  chk
);
  wire [8:0] R;
  wire [7:0] C;
  assign R[0] = d[0] ^ d[1] ^ d[2] ^ d[3];
  assign R[1] = d[4] ^ d[5] ^ d[6] ^ d[7] ^ d[8] ^ d[9] ^ d[10];
  assign R[2] = d[11] ^ d[12] ^ d[13] ^ d[14] ^ d[15] ^ d[16] ^ d[17];
  assign R[3] = d[18] ^ d[19] ^ d[20] ^ d[21] ^ d[22] ^ d[23] ^ d[24] ^ d[25];
  assign R[4] = d[26] ^ d[27] ^ d[28] ^ d[29] ^ d[30] ^ d[31] ^ d[32];
  assign R[5] = d[33] ^ d[34] ^ d[35] ^ d[36] ^ d[37] ^ d[38] ^ d[39] ^ d[40];
  assign R[6] = d[41] ^ d[42] ^ d[43] ^ d[44] ^ d[45] ^ d[46] ^ d[47] ^ d[48];
  assign R[7] = d[49] ^ d[50] ^ d[51] ^ d[52] ^ d[53] ^ d[54] ^ d[55] ^ d[56];
  assign R[8] = d[57] ^ d[58] ^ d[59] ^ d[60] ^ d[61] ^ d[62] ^ d[63];
  assign C[0] = d[18] ^ d[33] ^ d[41] ^ d[49];
  assign C[1] = d[4] ^ d[11] ^ d[19] ^ d[26] ^ d[34] ^ d[42] ^ d[50] ^ d[57];
  assign C[2] = d[5] ^ d[12] ^ d[20] ^ d[27] ^ d[35] ^ d[43] ^ d[51] ^ d[58];
  assign C[3] = d[0] ^ d[6] ^ d[13] ^ d[21] ^ d[28] ^ d[36] ^ d[44] ^ d[52] ^ d[59];
  assign C[4] = d[7] ^ d[14] ^ d[22] ^ d[29] ^ d[37] ^ d[45] ^ d[53] ^ d[60];
  assign C[5] = d[1] ^ d[8] ^ d[15] ^ d[23] ^ d[30] ^ d[38] ^ d[46] ^ d[54] ^ d[61];
  assign C[6] = d[2] ^ d[9] ^ d[16] ^ d[24] ^ d[31] ^ d[39] ^ d[47] ^ d[55] ^ d[62];
  assign C[7] = d[3] ^ d[10] ^ d[17] ^ d[25] ^ d[32] ^ d[40] ^ d[48] ^ d[56] ^ d[63];
  assign chk[0] = C[1] ^ C[3] ^ C[5] ^ C[7];
  assign chk[1] = C[2] ^ C[3] ^ C[6] ^ C[7];
  assign chk[2] = C[4] ^ C[5] ^ C[6] ^ C[7];
  assign chk[3] = R[1] ^ R[3] ^ R[5] ^ R[7];
  assign chk[4] = R[2] ^ R[3] ^ R[6] ^ R[7];
  assign chk[5] = R[4] ^ R[5] ^ R[6] ^ R[7];
  assign chk[6] = R[8];
  assign chk[7] = ^R ^ ^chk[6:0];
endmodule
