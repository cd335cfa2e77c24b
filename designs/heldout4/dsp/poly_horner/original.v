// Thermistor linearization: second-order polynomial correction of a 10-bit ADC code with
// calibration coefficients from fuses: y = c2*x^2 + c1*x + c0.
module therm_lin (
  input  wire [9:0]  x,
  input  wire [7:0]  c2,
  input  wire [7:0]  c1,
  input  wire [15:0] c0,
  output wire [28:0] y
);
  wire [19:0] x_sq = x * x;
  wire [27:0] t2   = c2 * x_sq;
  wire [17:0] t1   = c1 * x;
  assign y = t2 + t1 + c0;
endmodule
