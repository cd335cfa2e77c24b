// Floating-point adder alignment control: exponent difference and operand swap.
module esub #(parameter W = 5) (
  input  [W-1:0] a,
  input  [W-1:0] b,
  output [W-1:0] d
);
  assign d = a - b;
endmodule

module fp_align_ctl #(parameter EW = 5, parameter MW = 10) (
  input  [EW-1:0] ea,
  input  [EW-1:0] eb,
  input  [MW:0]   ma,
  input  [MW:0]   mb,
  output          swap,
  output [EW-1:0] shamt,
  output [MW:0]   m_big,
  output [MW:0]   m_small
);
  wire [EW-1:0] d_ab, d_ba;
  esub #(.W(EW)) u_ab (.a(ea), .b(eb), .d(d_ab));
  esub #(.W(EW)) u_ba (.a(eb), .b(ea), .d(d_ba));
  assign swap    = (ea < eb);
  assign shamt   = swap ? d_ba : d_ab;
  assign m_big   = swap ? mb : ma;
  assign m_small = swap ? ma : mb;
endmodule

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
  fp_align_ctl #(.EW(8), .MW(23)) u_ctl (.ea(ea), .eb(eb), .ma(ma), .mb(mb), .swap(swap),
                                         .shamt(shamt), .m_big(m_big), .m_small(m_small));
endmodule
