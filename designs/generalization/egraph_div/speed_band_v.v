// Conveyor speed classifier: the speed is the distance travelled over a sampling window divided by the
// window's tick count; it is only ever compared with band limits (the tick count may be 0).
module speed_band (
  input            clk,
  input            rst,
  input            tick,
  input      [9:0] dist,
  input      [5:0] ticks,
  output reg       over,
  output reg       under,
  output reg       cruise
);
  wire [9:0] speed;
  assign speed = dist / ticks;
  always @(posedge clk) begin
    if (rst) begin
      over <= 1'b0;
      under <= 1'b0;
      cruise <= 1'b0;
    end else if (tick) begin
      over <= speed > 10'd12;
      under <= speed < 10'd3;
      cruise <= speed == 10'd7;
    end
  end
endmodule
