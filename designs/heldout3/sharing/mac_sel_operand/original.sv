// Gain stage: sample times either the static gain or the AGC gain, plus offset.
module scale_mac #(
  parameter int DW = 12,
  parameter int GW = 10
) (
  input  logic                 agc_en_i,
  input  logic signed [DW-1:0] x_i,
  input  logic signed [GW-1:0] gain_static_i,
  input  logic signed [GW-1:0] gain_agc_i,
  input  logic signed [DW+GW-1:0] offset_i,
  output logic signed [DW+GW-1:0] y_o
);
  logic signed [DW+GW-1:0] p_static, p_agc, p;

  always_comb begin
    p_static = x_i * gain_static_i;
    p_agc    = x_i * gain_agc_i;
    p        = agc_en_i ? p_agc : p_static;
  end

  assign y_o = p + offset_i;
endmodule
