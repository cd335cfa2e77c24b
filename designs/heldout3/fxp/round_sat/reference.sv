// Q-format rescale: rounding is trunc + guard bit; overflow is "dropped bits differ from the sign".
module fxp_scale #(
  parameter int IW   = 24,
  parameter int OW   = 12,
  parameter int FRAC = 8
) (
  input  logic signed [IW-1:0] x_i,
  output logic signed [OW-1:0] y_o,
  output logic                 sat_o
);
  localparam int TW = IW - FRAC;  // width of the shifted value
  logic [TW-1:0] r;
  logic          neg, ovf;
  assign r   = x_i[IW-1:FRAC] + {{(TW-1){1'b0}}, x_i[FRAC-1]};
  // out of range when the bits above the output sign are not a sign extension; rounding only
  // wraps r when x is the largest positive, which also shows as mixed top bits (direction = x's sign)
  assign neg = x_i[IW-1];
  assign ovf = ~((&r[TW-1:OW-1]) | ~(|r[TW-1:OW-1]));
  assign sat_o = ovf;
  assign y_o   = ovf ? (neg ? {1'b1, {(OW-1){1'b0}}} : {1'b0, {(OW-1){1'b1}}}) : r[OW-1:0];
endmodule
