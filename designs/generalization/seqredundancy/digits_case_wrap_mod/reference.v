// Three digit counters (mod 10, 6, 10), each counting when every digit below it is at its last value.
module meter_display (
  input  wire       clk,
  input  wire       rst,
  input  wire       tick,
  input  wire       clear,
  output reg  [3:0] mins,
  output reg  [3:0] tens,
  output reg  [3:0] ones
);
  wire c0 = (ones == 4'd9);
  wire c1 = c0 && (tens == 4'd5);
  wire c2 = c1 && (mins == 4'd9);
  always @(posedge clk) begin
    if (rst || clear) begin
      ones <= 4'd0; tens <= 4'd0; mins <= 4'd0;
    end else if (tick) begin
      ones <= c0 ? 4'd0 : ones + 4'd1;
      if (c0) tens <= c1 ? 4'd0 : tens + 4'd1;
      if (c1) mins <= c2 ? 4'd0 : mins + 4'd1;
    end
  end
endmodule
