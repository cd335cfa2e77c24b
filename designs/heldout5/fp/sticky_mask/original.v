// Alignment right shift with sticky bit for a single-precision adder.
module align_sticky (
  input  wire [23:0] m,           // mantissa with hidden bit
  input  wire [4:0]  sh,          // exponent difference, saturated to 31
  output wire [23:0] m_sh,
  output wire        sticky       // any 1 shifted out
);
  assign m_sh   = m >> sh;
  assign sticky = ((m_sh << sh) != m);
endmodule
