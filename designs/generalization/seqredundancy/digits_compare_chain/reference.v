// Seconds kept as a mod-10 ones counter and a mod-6 tens counter.
module sec_split (
  input  wire       clk,
  input  wire       rst,
  input  wire       tick,
  output reg  [2:0] tens,
  output reg  [3:0] ones
);
  wire c0 = (ones == 4'd9);
  always @(posedge clk)
    if (rst) begin
      ones <= 4'd0;
      tens <= 3'd0;
    end else if (tick) begin
      ones <= c0 ? 4'd0 : ones + 4'd1;
      if (c0) tens <= (tens == 3'd5) ? 3'd0 : tens + 3'd1;
    end
endmodule
