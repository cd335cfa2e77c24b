// SECDED(22,16) scrub pipeline stage: decode the word read from the array, correct a
// single error and register the corrected word with its re-encoded check bits for the
// write-back port. Hamming positions 1..21 (check bits at powers of two), chk[5] is the
// overall parity of the 21 Hamming-coded bits.
module secded16_pipe (
  input  wire        clk,
  input  wire        rst_n,
  input  wire [15:0] rd_data,
  input  wire [5:0]  rd_chk,
  output reg  [15:0] wb_data_q,
  output reg  [5:0]  wb_chk_q,
  output reg         ce_q,
  output reg         ue_q
);
  // Hamming position of data bit k
  function integer dpos(input integer k);
    integer p, n;
    begin
      n = -1;
      dpos = 0;
      for (p = 1; p <= 21; p = p + 1)
        if ((p & (p - 1)) != 0) begin
          n = n + 1;
          if (n == k) dpos = p;
        end
    end
  endfunction

  // data bits covered by Hamming check bit b
  function [15:0] hmask(input integer b);
    integer k;
    begin
      for (k = 0; k < 16; k = k + 1)
        hmask[k] = (dpos(k) >> b) & 1;
    end
  endfunction

  function [5:0] encode(input [15:0] d);
    integer b;
    begin
      for (b = 0; b < 5; b = b + 1)
        encode[b] = ^(d & hmask(b));
      encode[5] = (^d) ^ (^encode[4:0]);
    end
  endfunction

  wire [4:0]  syn;
  wire        pe = (^rd_data) ^ (^rd_chk);
  wire [15:0] fix;

  genvar g;
  generate
    for (g = 0; g < 5; g = g + 1) begin : g_syn
      assign syn[g] = (^(rd_data & hmask(g))) ^ rd_chk[g];
    end
    for (g = 0; g < 16; g = g + 1) begin : g_fix
      assign fix[g] = rd_data[g] ^ (pe && syn == dpos(g));
    end
  endgenerate

  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      wb_data_q <= 16'd0;
      wb_chk_q  <= 6'd0;
      ce_q      <= 1'b0;
      ue_q      <= 1'b0;
    end else begin
      wb_data_q <= fix;
      wb_chk_q  <= encode(fix);
      ce_q      <= pe;
      ue_q      <= ~pe & (|syn);
    end
endmodule
