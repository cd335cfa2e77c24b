// Signed 12-bit median of three taps: three comparisons side by side and two muxes.
module med3_case (
  input  logic signed [11:0] t0, t1, t2,
  output logic signed [11:0] mid
);
  logic l01, l12, l02;
  always_comb begin
    l01 = t0 < t1;
    l12 = t1 < t2;
    l02 = t0 < t2;
    mid = (l01 == l12) ? t1 : ((l01 != l02) ? t0 : t2);
  end
endmodule
