// Thermistor linearization: second-order polynomial correction of a 10-bit ADC code with
// calibration coefficients from fuses: y = c2*x^2 + c1*x + c0, evaluated in Horner form
// (c2*x + c1)*x + c0: two multipliers instead of three.
module therm_lin (
  input  wire [9:0]  x,
  input  wire [7:0]  c2,
  input  wire [7:0]  c1,
  input  wire [15:0] c0,
  output wire [28:0] y
);
  wire [18:0] h1 = c2 * x + c1;
  assign y = h1 * x + c0;
endmodule
