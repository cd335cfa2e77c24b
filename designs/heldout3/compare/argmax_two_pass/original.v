// Peak finder over 8 channels: largest magnitude and (lowest) channel index holding it.
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
    peak = mag[0 +: W];
    for (i = 1; i < N; i = i + 1)
      if (mag[i*W +: W] > peak)
        peak = mag[i*W +: W];
  end

  integer j;
  always @* begin
    peak_ch = {IW{1'b0}};
    for (j = N - 1; j >= 0; j = j - 1)
      if (mag[j*W +: W] == peak)
        peak_ch = j;
  end
endmodule
