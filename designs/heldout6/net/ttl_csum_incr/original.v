// Router forwarding: TTL decrement with incremental checksum update (RFC 1624, eqn. 3).
module ttl_update (
  input  [7:0]  ttl_in,
  input  [7:0]  proto,
  input  [15:0] csum_in,
  output [7:0]  ttl_out,
  output [15:0] csum_out,
  output        expired
);
  assign expired = (ttl_in <= 8'd1);
  wire   dec     = (ttl_in != 8'd0);
  assign ttl_out = dec ? ttl_in - 8'd1 : ttl_in;

  wire [15:0] m_old = {ttl_in,  proto};
  wire [15:0] m_new = {ttl_out, proto};

  // HC' = ~(~HC + ~m + m')   (ones' complement sums)
  wire [16:0] s1  = {1'b0, ~csum_in} + {1'b0, ~m_old};
  wire [15:0] s1f = s1[15:0] + {15'd0, s1[16]};
  wire [16:0] s2  = {1'b0, s1f} + {1'b0, m_new};
  wire [15:0] s2f = s2[15:0] + {15'd0, s2[16]};
  assign csum_out = dec ? ~s2f : csum_in;
endmodule
