// Header checksum over a 4-word (64-bit) header: ones'-complement sum written out word by word
// with continuous assigns, each addition folding its carry back in immediately.
module hdr_csum4 (
  input  [63:0] hdr,
  input         chk_en,
  output [15:0] csum,
  output        hdr_ok
);
  wire [16:0] a1 = {1'b0, hdr[15:0]}  + {1'b0, hdr[31:16]};
  wire [15:0] f1 = a1[15:0] + {15'd0, a1[16]};
  wire [16:0] a2 = {1'b0, f1}         + {1'b0, hdr[47:32]};
  wire [15:0] f2 = a2[15:0] + {15'd0, a2[16]};
  wire [16:0] a3 = {1'b0, f2}         + {1'b0, hdr[63:48]};
  wire [15:0] f3 = a3[15:0] + {15'd0, a3[16]};

  assign csum   = ~f3;
  assign hdr_ok = chk_en & (f3 == 16'hFFFF);
endmodule
