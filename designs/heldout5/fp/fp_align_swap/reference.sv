// Swap first, then one exponent subtraction and one alignment shifter.
module fp_align #(
  parameter int EW = 5,
  parameter int MW = 10,
  parameter int GW = 3
) (
  input  logic [EW+MW:0]    a,
  input  logic [EW+MW:0]    b,
  output logic              sign_big,
  output logic              sign_small,
  output logic [EW-1:0]     exp_big,
  output logic [MW+GW:0]    mant_big,
  output logic [MW+GW:0]    mant_small
);
  logic [EW-1:0] ea, eb, e_sm;
  logic [MW:0]   ma, mb, m_bg, m_sm;
  logic          a_ge_b;

  always_comb begin
    ea = a[EW+MW-1:MW];
    eb = b[EW+MW-1:MW];
    ma = {|ea, a[MW-1:0]};
    mb = {|eb, b[MW-1:0]};
    a_ge_b = {ea, ma} >= {eb, mb};
    sign_big   = a_ge_b ? a[EW+MW] : b[EW+MW];
    sign_small = a_ge_b ? b[EW+MW] : a[EW+MW];
    exp_big    = a_ge_b ? ea : eb;
    e_sm       = a_ge_b ? eb : ea;
    m_bg       = a_ge_b ? ma : mb;
    m_sm       = a_ge_b ? mb : ma;
    mant_big   = {m_bg, {GW{1'b0}}};
    mant_small = {m_sm, {GW{1'b0}}} >> (exp_big - e_sm);
  end
endmodule

module fp16c_add_front (
  input  logic [15:0] x,
  input  logic [15:0] y,
  output logic        s_big,
  output logic        s_small,
  output logic [5:0]  e_big,
  output logic [12:0] m_big,
  output logic [12:0] m_small
);
  fp_align #(.EW(6), .MW(9), .GW(3)) u_align (
    .a(x), .b(y),
    .sign_big(s_big), .sign_small(s_small), .exp_big(e_big),
    .mant_big(m_big), .mant_small(m_small)
  );
endmodule
