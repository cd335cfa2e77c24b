// Hand reference: the magnitude's comparisons as signed comparisons of err with +-T.
module absmag_meter_comb_sv #(parameter int W = 11) (
  input  logic signed [W-1:0] err,
  output logic [1:0] severity,
  output logic quiet
);
  logic hi, mid, lo;
  assign hi = (err > 11'sd899) | (err < -11'sd899);
  assign mid = (err > 11'sd299) | (err < -11'sd299);
  assign lo = (err > 11'sd50) | (err < -11'sd50);
  assign severity = hi ? 2'd3 : mid ? 2'd2 : lo ? 2'd1 : 2'd0;
  assign quiet = (err <= 11'sd8) & (err >= -11'sd8);
endmodule
