// One vectoring-mode CORDIC micro-rotation (shift 2): one adder/subtractor per coordinate,
// a - b as a + ~b + 1 with the direction bit as inversion and carry-in.
module cordic_vec_step (
  input  wire signed [15:0] x_in,
  input  wire signed [15:0] y_in,
  input  wire signed [15:0] z_in,
  output wire signed [15:0] x_out,
  output wire signed [15:0] y_out,
  output wire signed [15:0] z_out
);
  localparam [15:0] ATAN2 = 16'd1866;
  wire [15:0] xs = x_in >>> 2;
  wire [15:0] ys = y_in >>> 2;
  wire neg = y_in[15];
  assign x_out = x_in + (ys ^ {16{neg}}) + neg;
  assign y_out = y_in + (xs ^ {16{~neg}}) + !neg;
  assign z_out = z_in + (ATAN2 ^ {16{neg}}) + neg;
endmodule
