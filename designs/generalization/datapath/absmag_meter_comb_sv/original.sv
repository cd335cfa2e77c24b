// SV vibration alarm: magnitude of a signed error word from an always_comb if, then a three-level
// severity code and a "quiet" flag from constant comparisons of the magnitude.
module absmag_meter_comb_sv #(parameter int W = 11) (
  input  logic signed [W-1:0] err,
  output logic [1:0] severity,
  output logic quiet
);
  logic [W-1:0] amp;
  always_comb begin
    if (err[W-1]) amp = -err;
    else amp = err;
  end
  always_comb begin
    if (amp >= 11'd900) severity = 2'd3;
    else if (amp >= 11'd300) severity = 2'd2;
    else if (amp > 11'd50) severity = 2'd1;
    else severity = 2'd0;
  end
  assign quiet = amp <= 11'd8;
endmodule
