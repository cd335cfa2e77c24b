// Conveyor speed classifier, cross-multiplied: dist/ticks > 12 <=> dist >= 13*ticks, < 3 <=> dist < 3*ticks,
// == 7 <=> 7*ticks <= dist < 8*ticks (at ticks == 0 the quotient is all ones: above every band limit).
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
  wire [10:0] d = dist;
  wire [10:0] t = ticks;
  always @(posedge clk) begin
    if (rst) begin
      over <= 1'b0;
      under <= 1'b0;
      cruise <= 1'b0;
    end else if (tick) begin
      over <= d >= t * 11'd13;
      under <= d < t * 11'd3;
      cruise <= (d >= t * 11'd7) && (d < t * 11'd8);
    end
  end
endmodule
