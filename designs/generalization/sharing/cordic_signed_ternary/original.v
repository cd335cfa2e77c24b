// One vectoring-mode CORDIC micro-rotation (shift 2): both directions computed, the sign of y picks.
module cordic_vec_step (
  input  wire signed [15:0] x_in,
  input  wire signed [15:0] y_in,
  input  wire signed [15:0] z_in,
  output wire signed [15:0] x_out,
  output wire signed [15:0] y_out,
  output wire signed [15:0] z_out
);
  localparam signed [15:0] ATAN2 = 16'sd1866;
  wire signed [15:0] xs = x_in >>> 2;
  wire signed [15:0] ys = y_in >>> 2;
  wire neg = y_in[15];
  wire signed [15:0] x_up = x_in + ys;
  wire signed [15:0] x_dn = x_in - ys;
  wire signed [15:0] y_up = y_in - xs;
  wire signed [15:0] y_dn = y_in + xs;
  wire signed [15:0] z_up = z_in + ATAN2;
  wire signed [15:0] z_dn = z_in - ATAN2;
  assign x_out = neg ? x_dn : x_up;
  assign y_out = neg ? y_dn : y_up;
  assign z_out = neg ? z_dn : z_up;
endmodule
