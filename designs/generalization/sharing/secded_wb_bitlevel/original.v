// SECDED(13,8) byte scrubber written out gate by gate.
// Hamming positions 1..12: check bits at 1,2,4,8; data d0..d7 at 3,5,6,7,9,10,11,12.
// chk[4] is the overall parity of data and check bits.
module secded8_scrub (
  input  wire [7:0] d,
  input  wire [4:0] chk,
  output reg  [7:0] fix,
  output wire [4:0] wb_chk,
  output wire       ce,
  output wire       ue
);
  wire h0 = d[0] ^ d[1] ^ d[3] ^ d[4] ^ d[6];
  wire h1 = d[0] ^ d[2] ^ d[3] ^ d[5] ^ d[6];
  wire h2 = d[1] ^ d[2] ^ d[3] ^ d[7];
  wire h3 = d[4] ^ d[5] ^ d[6] ^ d[7];
  wire [3:0] s = {h3, h2, h1, h0} ^ chk[3:0];
  wire pe = d[0] ^ d[1] ^ d[2] ^ d[3] ^ d[4] ^ d[5] ^ d[6] ^ d[7]
          ^ chk[0] ^ chk[1] ^ chk[2] ^ chk[3] ^ chk[4];
  assign ce = pe;
  assign ue = ~pe & (s != 4'd0);

  always @* begin
    fix = d;
    if (pe)
      case (s)
        4'd3:  fix[0] = ~d[0];
        4'd5:  fix[1] = ~d[1];
        4'd6:  fix[2] = ~d[2];
        4'd7:  fix[3] = ~d[3];
        4'd9:  fix[4] = ~d[4];
        4'd10: fix[5] = ~d[5];
        4'd11: fix[6] = ~d[6];
        4'd12: fix[7] = ~d[7];
        default: ;
      endcase
  end

  // write-back check bits of the corrected byte
  wire w0 = fix[0] ^ fix[1] ^ fix[3] ^ fix[4] ^ fix[6];
  wire w1 = fix[0] ^ fix[2] ^ fix[3] ^ fix[5] ^ fix[6];
  wire w2 = fix[1] ^ fix[2] ^ fix[3] ^ fix[7];
  wire w3 = fix[4] ^ fix[5] ^ fix[6] ^ fix[7];
  wire w4 = fix[0] ^ fix[1] ^ fix[2] ^ fix[3] ^ fix[4] ^ fix[5] ^ fix[6] ^ fix[7]
          ^ w0 ^ w1 ^ w2 ^ w3;
  assign wb_chk = {w4, w3, w2, w1, w0};
endmodule
