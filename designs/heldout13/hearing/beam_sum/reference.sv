// Hearing-aid two-pair beamformer: front pair weighted by g, rear pair by h.
module beam_core #(parameter int W = 12, parameter int GW = 8) (
  input  logic signed [W-1:0]  m0, m1, m2, m3,
  input  logic signed [GW-1:0] g, h,
  output logic signed [W+GW+1:0] y
);
  // factor the common gains: (m0 + m1) * g + (m3 - m2) * h, two multipliers
  logic signed [W+GW+1:0] sf, sr;
  always_comb begin
    sf = m0 + m1;
    sr = m3 - m2;
    y  = sf * g + sr * h;
  end
endmodule

module hearing_beam (
  input  logic signed [7:0]  mic_a, mic_b, mic_c, mic_d,
  input  logic signed [4:0]  gain_f, gain_r,
  output logic signed [14:0] out
);
  beam_core #(.W(8), .GW(5)) u_core (
    .m0(mic_a), .m1(mic_b), .m2(mic_c), .m3(mic_d),
    .g(gain_f), .h(gain_r), .y(out));
endmodule
