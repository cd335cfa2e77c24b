// Bilinear interpolation weights for a 1/16-pel position (weights sum to 256).
module bilinear_weights (
  input  logic [3:0] fx,
  input  logic [3:0] fy,
  output logic [8:0] w00,
  output logic [8:0] w01,
  output logic [8:0] w10,
  output logic [8:0] w11
);
  function automatic logic [8:0] wmul(input logic [4:0] a, input logic [4:0] b);
    wmul = a * b;
  endfunction

  logic [4:0] ifx, ify;
  always_comb begin
    ifx = 5'd16 - {1'b0, fx};
    ify = 5'd16 - {1'b0, fy};
    w00 = wmul(ifx, ify);
    w01 = wmul({1'b0, fx}, ify);
    w10 = wmul(ifx, {1'b0, fy});
    w11 = wmul({1'b0, fx}, {1'b0, fy});
  end
endmodule
