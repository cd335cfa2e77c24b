// Sticky from a thermometer mask of the shifted-out positions.
module align_sticky (
  input  wire [23:0] m,
  input  wire [4:0]  sh,
  output wire [23:0] m_sh,
  output wire        sticky
);
  wire [23:0] lost = ~(24'hff_ffff << sh);
  assign m_sh   = m >> sh;
  assign sticky = |(m & lost);
endmodule
