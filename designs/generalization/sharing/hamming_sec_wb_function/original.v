// Hamming(21,16) single-error-correcting read port of a scrubbed SRAM.
// The corrected word goes back to the array with freshly computed check bits.
module ham_sec_wb (
  input  wire [15:0] rdata,
  input  wire [4:0]  rchk,
  output reg  [15:0] cdata,
  output wire [4:0]  wchk,
  output wire        err
);
  // check bit b = XOR of the data bits whose Hamming position has bit b set
  // (positions 1..21, check bits at the powers of two, data bits in the rest)
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

  assign wchk = ham_chk(cdata);
endmodule
