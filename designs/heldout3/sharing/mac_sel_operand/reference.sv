// Gain stage: one multiplier, the gain is selected first.
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
  logic signed [GW-1:0]    g;
  logic signed [DW+GW-1:0] p;

  always_comb begin
    g = agc_en_i ? gain_agc_i : gain_static_i;
    p = x_i * g;
  end

  assign y_o = p + offset_i;
endmodule
