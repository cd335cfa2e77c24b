// For m' = m - 1 (hop_limit in the low byte, nonzero), ~m + m' == 0xFFFE in ones' complement: one
// ones'-complement add of a constant remains.
module hop_forward (
  input  [7:0]  flags,
  input  [7:0]  hop_limit,
  input  [15:0] hdr_csum,
  input         fwd_en,
  output [7:0]  hop_out,
  output [15:0] csum_out,
  output        drop
);
  wire        live    = fwd_en && (hop_limit != 8'd0);
  assign      drop    = fwd_en && (hop_limit <= 8'd1);
  assign      hop_out = hop_limit - {7'd0, live};
  wire [16:0] t       = {1'b0, ~hdr_csum} + 17'h0FFFE;
  wire [15:0] acc     = t[15:0] + {15'd0, t[16]};
  assign      csum_out = live ? ~acc : hdr_csum;
endmodule
