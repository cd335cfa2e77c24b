// TTL decrement with checksum update: for m' = m - 0x0100, ~m + m' = 0xFEFF, so HC' = ~(~HC +' 0xFEFF).
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
  assign ttl_out = ttl_in - {7'd0, dec};

  wire [16:0] s  = {1'b0, ~csum_in} + 17'h0FEFF;
  wire [15:0] sf = s[15:0] + {15'd0, s[16]};
  assign csum_out = dec ? ~sf : csum_in;
endmodule
