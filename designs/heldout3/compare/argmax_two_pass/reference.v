// Peak finder over 8 channels: one pass keeps the index with the maximum (strict > keeps the lowest).
module peak_find #(
  parameter N = 8,
  parameter W = 12,
  parameter IW = $clog2(N)
) (
  input  wire [N*W-1:0] mag,
  output reg  [W-1:0]   peak,
  output reg  [IW-1:0]  peak_ch
);
  integer i;
  always @* begin
    peak    = mag[0 +: W];
    peak_ch = {IW{1'b0}};
    for (i = 1; i < N; i = i + 1)
      if (mag[i*W +: W] > peak) begin
        peak    = mag[i*W +: W];
        peak_ch = i;
      end
  end
endmodule
