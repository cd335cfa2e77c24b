// Logarithmic normaliser: 8/4/2/1 stages; an all-zero input gives lz = 16.
module norm16 (
  input  logic [15:0] m_in,
  output logic [15:0] m_out,
  output logic [4:0]  lz
);
  logic [15:0] s3, s2, s1, s0;
  logic        z3, z2, z1, z0;
  always_comb begin
    z3 = ~|m_in[15:8]; s3 = z3 ? {m_in[7:0], 8'd0} : m_in;
    z2 = ~|s3[15:12];  s2 = z2 ? {s3[11:0], 4'd0}  : s3;
    z1 = ~|s2[15:14];  s1 = z1 ? {s2[13:0], 2'd0}  : s2;
    z0 = ~s1[15];      s0 = z0 ? {s1[14:0], 1'b0}  : s1;
    m_out = s0;
    lz    = (m_in == 16'd0) ? 5'd16 : {1'b0, z3, z2, z1, z0};
  end
endmodule
