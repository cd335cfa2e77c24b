// Mantissa normaliser written as a bit-serial loop: shift left while the MSB is zero.
module norm16 (
  input  logic [15:0] m_in,
  output logic [15:0] m_out,
  output logic [4:0]  lz
);
  always_comb begin
    m_out = m_in;
    lz    = '0;
    for (int i = 0; i < 16; i++) begin
      if (!m_out[15]) begin
        m_out = m_out << 1;
        lz    = lz + 5'd1;
      end
    end
  end
endmodule
