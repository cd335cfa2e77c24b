// mm:ss elapsed-time display: four cascaded BCD digit counters (9, 5, 9, 5).
module clock_mmss (
  input  wire       clk,
  input  wire       rst,
  input  wire       tick_1hz,
  input  wire       clear,
  output reg  [3:0] min_tens,
  output reg  [3:0] min_ones,
  output reg  [3:0] sec_tens,
  output reg  [3:0] sec_ones
);
  wire c0 = tick_1hz && (sec_ones == 4'd9);
  wire c1 = c0 && (sec_tens == 4'd5);
  wire c2 = c1 && (min_ones == 4'd9);
  wire c3 = c2 && (min_tens == 4'd5);
  always @(posedge clk) begin
    if (rst || clear) begin
      sec_ones <= 4'd0;
      sec_tens <= 4'd0;
      min_ones <= 4'd0;
      min_tens <= 4'd0;
    end else begin
      if (tick_1hz) sec_ones <= c0 ? 4'd0 : sec_ones + 4'd1;
      if (c0)       sec_tens <= c1 ? 4'd0 : sec_tens + 4'd1;
      if (c1)       min_ones <= c2 ? 4'd0 : min_ones + 4'd1;
      if (c2)       min_tens <= c3 ? 4'd0 : min_tens + 4'd1;
    end
  end
endmodule
