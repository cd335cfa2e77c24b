// Range of four samples: minimum, maximum and peak-to-peak (4 comparators).
module minmax4 #(
  parameter int W = 12
) (
  input  logic [3:0][W-1:0] s_i,
  output logic [W-1:0]      min_o,
  output logic [W-1:0]      max_o,
  output logic [W-1:0]      span_o
);
  logic          c01, c23;
  logic [W-1:0]  lo01, hi01, lo23, hi23;
  assign c01  = s_i[1] < s_i[0];
  assign c23  = s_i[3] < s_i[2];
  assign lo01 = c01 ? s_i[1] : s_i[0];
  assign hi01 = c01 ? s_i[0] : s_i[1];
  assign lo23 = c23 ? s_i[3] : s_i[2];
  assign hi23 = c23 ? s_i[2] : s_i[3];
  assign min_o  = (lo23 < lo01) ? lo23 : lo01;
  assign max_o  = (hi23 > hi01) ? hi23 : hi01;
  assign span_o = max_o - min_o;
endmodule
