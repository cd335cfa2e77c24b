// Tunnel header forwarding: the 16-bit word {flags, hop_limit} is covered by a ones'-complement header
// checksum. A forwarded packet has hop_limit decremented and the checksum updated incrementally
// (RFC 1624: HC' = ~(~HC + ~m + m')), written with a ones'-complement add function.
module hop_forward (
  input  [7:0]  flags,
  input  [7:0]  hop_limit,
  input  [15:0] hdr_csum,
  input         fwd_en,
  output [7:0]  hop_out,
  output [15:0] csum_out,
  output        drop
);
  function [15:0] oc_add(input [15:0] a, input [15:0] b);
    reg [16:0] t;
    begin
      t      = {1'b0, a} + {1'b0, b};
      oc_add = t[15:0] + {15'd0, t[16]};
    end
  endfunction

  wire        live   = fwd_en && (hop_limit != 8'd0);
  assign      drop   = fwd_en && (hop_limit <= 8'd1);
  assign      hop_out = live ? hop_limit - 8'd1 : hop_limit;
  wire [15:0] w_old  = {flags, hop_limit};
  wire [15:0] w_new  = {flags, hop_out};
  wire [15:0] acc    = oc_add(oc_add(~hdr_csum, ~w_old), w_new);
  assign      csum_out = live ? ~acc : hdr_csum;
endmodule
