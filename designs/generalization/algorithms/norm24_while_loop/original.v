// Normalize a 24-bit mantissa: shift left one place at a time while the MSB is clear, counting the shifts.
module norm24_while_loop (
  input  wire [23:0] m_in,
  output reg  [23:0] m_out,
  output reg  [4:0]  shift
);
  integer i;
  always @* begin
    m_out = m_in;
    shift = 5'd0;
    for (i = 0; i < 24; i = i + 1)
      if (!m_out[23]) begin
        m_out = m_out << 1;
        shift = shift + 5'd1;
      end
  end
endmodule
