// SECDED(39,32) memory scrubber: decode the stored word, correct a single
// error and write the corrected word back with freshly encoded check bits.

// Hamming positions 1..38: check bits at 1,2,4,8,16,32, data bits at the others.
module secded_enc (
  input  wire [31:0] d,
  output wire [6:0]  c          // c[5:0] Hamming, c[6] overall parity
);
  reg [5:0] h;
  integer i, pos, k;
  always @* begin
    h = 6'd0;
    k = 0;
    for (pos = 1; pos <= 38; pos = pos + 1) begin
      if ((pos & (pos - 1)) != 0) begin         // not a power of two
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
  output wire        double_err
);
  wire [6:0] c_re;
  secded_enc u_enc (.d(d), .c(c_re));
  assign syndrome   = c_re[5:0] ^ c[5:0];
  wire   par_err    = (^d) ^ (^c);
  assign single_err = par_err;
  assign double_err = ~par_err & (|syndrome);
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
  output wire        ce,          // corrected error
  output wire        ue           // uncorrectable error
);
  wire [5:0] syn;
  secded_dec u_dec (.d(rd_data), .c(rd_check), .d_fix(wb_data),
                    .syndrome(syn), .single_err(ce), .double_err(ue));
  secded_enc u_wb  (.d(wb_data), .c(wb_check));
endmodule
