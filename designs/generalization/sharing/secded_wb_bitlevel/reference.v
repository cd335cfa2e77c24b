// SECDED(13,8) byte scrubber. The write-back check bits are not re-encoded: a corrected
// data bit at position p changes the Hamming bits by p == s, so they are the stored bits
// when a data bit was flipped and {h3..h0} = s ^ chk[3:0] otherwise; the overall parity
// of the written codeword is chk[4] when flipped, else ^d ^ ^h = pe ^ chk[4] ^ ^s.
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

  wire flipped = |(fix ^ d);
  assign wb_chk = flipped ? chk : {pe ^ chk[4] ^ (^s), {h3, h2, h1, h0}};
endmodule
