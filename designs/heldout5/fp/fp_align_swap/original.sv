// Front end of a small floating-point adder: unpack both operands, find the
// larger one and align the smaller mantissa to the larger exponent.
module fp_align #(
  parameter int EW = 5,
  parameter int MW = 10,
  parameter int GW = 3            // guard bits kept below the mantissa
) (
  input  logic [EW+MW:0]    a,
  input  logic [EW+MW:0]    b,
  output logic              sign_big,
  output logic              sign_small,
  output logic [EW-1:0]     exp_big,
  output logic [MW+GW:0]    mant_big,
  output logic [MW+GW:0]    mant_small
);
  logic [EW-1:0] ea, eb;
  logic [MW:0]   ma, mb;
  logic          a_ge_b;

  always_comb begin
    ea = a[EW+MW-1:MW];
    eb = b[EW+MW-1:MW];
    ma = {|ea, a[MW-1:0]};        // hidden bit unless subnormal
    mb = {|eb, b[MW-1:0]};
    a_ge_b = {ea, ma} >= {eb, mb};
  end

  // alignment of either operand, whichever turns out to be the smaller one
  logic [EW-1:0]   d_ab, d_ba;
  logic [MW+GW:0]  mb_al, ma_al;
  always_comb begin
    d_ab  = ea - eb;
    d_ba  = eb - ea;
    mb_al = {mb, {GW{1'b0}}} >> d_ab;
    ma_al = {ma, {GW{1'b0}}} >> d_ba;
  end

  always_comb begin
    if (a_ge_b) begin
      sign_big   = a[EW+MW];
      sign_small = b[EW+MW];
      exp_big    = ea;
      mant_big   = {ma, {GW{1'b0}}};
      mant_small = mb_al;
    end else begin
      sign_big   = b[EW+MW];
      sign_small = a[EW+MW];
      exp_big    = eb;
      mant_big   = {mb, {GW{1'b0}}};
      mant_small = ma_al;
    end
  end
endmodule

// 16-bit custom format: 1 sign, 6 exponent, 9 mantissa bits
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
