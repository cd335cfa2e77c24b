// Energy detector of a receiver: instantaneous power of the magnitude sample (from the
// CORDIC magnitude stage) and a carrier-detect compare against a fixed threshold.
module power_det (
  input  logic [11:0] mag,
  output logic [23:0] power,
  output logic        carrier
);
  assign power = mag * mag;

  localparam logic [23:0] CARRIER_TH = 24'd250_000;
  assign carrier = power > CARRIER_TH;
endmodule
