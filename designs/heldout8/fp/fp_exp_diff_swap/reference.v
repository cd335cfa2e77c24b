// One 9-bit subtraction: its borrow is the swap decision, and |ea-eb| is a conditional negate.
module fp32_align (
  input  [7:0]  ea,
  input  [7:0]  eb,
  input  [23:0] ma,
  input  [23:0] mb,
  output        swap,
  output [7:0]  shamt,
  output [23:0] m_big,
  output [23:0] m_small
);
  wire [8:0] d = {1'b0, ea} - {1'b0, eb};
  assign swap    = d[8];
  assign shamt   = swap ? (8'd0 - d[7:0]) : d[7:0];
  assign m_big   = swap ? mb : ma;
  assign m_small = swap ? ma : mb;
endmodule
