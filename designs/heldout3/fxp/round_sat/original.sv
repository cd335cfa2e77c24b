// Q-format rescale: Q8.16 product -> Q4.8 output with round-half-up and saturation.
module fxp_scale #(
  parameter int IW   = 24,   // input width
  parameter int OW   = 12,   // output width
  parameter int FRAC = 8     // fraction bits dropped
) (
  input  logic signed [IW-1:0] x_i,
  output logic signed [OW-1:0] y_o,
  output logic                 sat_o
);
  localparam logic signed [IW-1:0] MAXV = (1 <<< (OW-1)) - 1;
  localparam logic signed [IW-1:0] MINV = -(1 <<< (OW-1));

  function automatic logic signed [IW-1:0] round_shift(input logic signed [IW-1:0] v);
    logic signed [IW-1:0] t;
    t = v >>> FRAC;
    if (v[FRAC-1])
      t = t + 1;
    round_shift = t;
  endfunction

  logic signed [IW-1:0] r;
  always_comb begin
    r = round_shift(x_i);
    sat_o = 1'b0;
    if (r > MAXV) begin
      y_o   = MAXV[OW-1:0];
      sat_o = 1'b1;
    end else if (r < MINV) begin
      y_o   = MINV[OW-1:0];
      sat_o = 1'b1;
    end else begin
      y_o = r[OW-1:0];
    end
  end
endmodule
