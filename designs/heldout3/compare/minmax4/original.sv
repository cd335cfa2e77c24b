// Range of four samples: minimum, maximum and peak-to-peak.
module minmax4 #(
  parameter int W = 12
) (
  input  logic [3:0][W-1:0] s_i,
  output logic [W-1:0]      min_o,
  output logic [W-1:0]      max_o,
  output logic [W-1:0]      span_o
);
  always_comb begin
    min_o = s_i[0];
    max_o = s_i[0];
    for (int k = 1; k < 4; k++) begin
      if (s_i[k] < min_o) min_o = s_i[k];
      if (s_i[k] > max_o) max_o = s_i[k];
    end
  end
  assign span_o = max_o - min_o;
endmodule
