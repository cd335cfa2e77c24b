// The write-back check bits follow from the decoder's own re-encoding:
// flipping data bit at position p changes the Hamming bits by p (== syndrome),
// so the corrected word's check bits are the stored ones when a data bit was
// flipped, else the recomputed ones; the overall parity follows the flip.
module secded_enc (
  input  wire [31:0] d,
  output wire [6:0]  c
);
  reg [5:0] h;
  integer i, pos, k;
  always @* begin
    h = 6'd0;
    k = 0;
    for (pos = 1; pos <= 38; pos = pos + 1) begin
      if ((pos & (pos - 1)) != 0) begin
        for (i = 0; i < 6; i = i + 1)
          if (pos[i]) h[i] = h[i] ^ d[k];
        k = k + 1;
      end
    end
  end
  assign c = {(^d) ^ (^h), h};
endmodule

module secded_dec (
  input  wire [31:0] d,
  input  wire [6:0]  c,
  output reg  [31:0] d_fix,
  output wire [5:0]  syndrome,
  output wire        single_err,
  output wire        double_err,
  output wire [5:0]  h_re,        // recomputed Hamming bits of d
  output wire        d_par,       // parity of d
  output wire        flipped      // a data bit was corrected
);
  wire [6:0] c_re;
  secded_enc u_enc (.d(d), .c(c_re));
  assign h_re       = c_re[5:0];
  assign d_par      = ^d;
  assign syndrome   = c_re[5:0] ^ c[5:0];
  wire   par_err    = d_par ^ (^c);
  assign single_err = par_err;
  assign double_err = ~par_err & (|syndrome);
  assign flipped    = |(d_fix ^ d);
  integer pos, k;
  always @* begin
    d_fix = d;
    k = 0;
    for (pos = 1; pos <= 38; pos = pos + 1) begin
      if ((pos & (pos - 1)) != 0) begin
        if (par_err && syndrome == pos) d_fix[k] = ~d[k];
        k = k + 1;
      end
    end
  end
endmodule

module secded_scrub (
  input  wire [31:0] rd_data,
  input  wire [6:0]  rd_check,
  output wire [31:0] wb_data,
  output wire [6:0]  wb_check,
  output wire        ce,
  output wire        ue
);
  wire [5:0] syn, h_re;
  wire       d_par, flipped;
  secded_dec u_dec (.d(rd_data), .c(rd_check), .d_fix(wb_data),
                    .syndrome(syn), .single_err(ce), .double_err(ue),
                    .h_re(h_re), .d_par(d_par), .flipped(flipped));
  wire [5:0] h_wb = flipped ? rd_check[5:0] : h_re;
  assign wb_check = {d_par ^ flipped ^ (^h_wb), h_wb};
endmodule
