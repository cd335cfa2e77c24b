// Hamming(21,16) SEC read port with write-back. Flipping the data bit at position p
// changes the check bits by p, which is the syndrome: the corrected word's check bits
// are the stored ones when a data bit was corrected, else the recomputed ones (syn ^ rchk).
module ham_sec_wb (
  input  wire [15:0] rdata,
  input  wire [4:0]  rchk,
  output reg  [15:0] cdata,
  output wire [4:0]  wchk,
  output wire        err
);
  function [4:0] ham_chk(input [15:0] d);
    integer p, k, b;
    begin
      ham_chk = 5'd0;
      k = 0;
      for (p = 1; p <= 21; p = p + 1)
        if ((p & (p - 1)) != 0) begin
          for (b = 0; b < 5; b = b + 1)
            if (p[b]) ham_chk[b] = ham_chk[b] ^ d[k];
          k = k + 1;
        end
    end
  endfunction

  wire [4:0] syn = ham_chk(rdata) ^ rchk;
  assign err = |syn;

  integer p, k;
  always @* begin
    cdata = rdata;
    k = 0;
    for (p = 1; p <= 21; p = p + 1)
      if ((p & (p - 1)) != 0) begin
        if (syn == p) cdata[k] = ~rdata[k];
        k = k + 1;
      end
  end

  wire corrected = |(cdata ^ rdata);
  assign wchk = corrected ? rchk : (syn ^ rchk);
endmodule
