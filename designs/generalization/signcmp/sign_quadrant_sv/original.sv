// Quadrant classifier for a phase detector: a product of the I and Q samples (SV function, unsigned
// magnitude product beside it) classified in an always_comb case on its sign.
module quadrant (
  input  logic signed [7:0] i_s, q_s,
  input  logic [5:0] mag_a, mag_b,
  output logic [1:0] cls,
  output logic live
);
  function automatic logic signed [15:0] xprod(input logic signed [7:0] x, y);
    xprod = x * y;
  endfunction
  logic signed [15:0] p;
  always_comb begin
    p = xprod(i_s, q_s);
    if (p > 0) cls = 2'd1;
    else if (p < 0) cls = 2'd2;
    else cls = 2'd0;
  end
  assign live = (mag_a * mag_b) != 12'd0;
endmodule
