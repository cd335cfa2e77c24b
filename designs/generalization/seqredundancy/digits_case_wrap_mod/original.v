// Parking meter: time left in 6-second ticks up to 9:59 (0..599 ticks, wraps to 0 by a case on the
// wrap flag); the display picks each digit with a helper function (v / place) % radix.
module meter_display (
  input  wire       clk,
  input  wire       rst,
  input  wire       tick,
  input  wire       clear,
  output wire [3:0] mins,
  output wire [3:0] tens,
  output wire [3:0] ones
);
  reg  [9:0] ticks;

  always @(posedge clk) begin
    if (rst) ticks <= 10'd0;
    else begin
      case ({clear, tick})
        2'b01:   ticks <= (ticks == 10'd599) ? 10'd0 : ticks + 10'd1;
        2'b10,
        2'b11:   ticks <= 10'd0;
        default: ticks <= ticks;
      endcase
    end
  end

  function [3:0] pick;
    input [9:0] v;
    input [9:0] place;
    input [9:0] radix;
    pick = (v / place) % radix;
  endfunction

  assign ones = pick(ticks, 10'd1,  10'd10);
  assign tens = pick(ticks, 10'd10, 10'd6);
  assign mins = pick(ticks, 10'd60, 10'd10);
endmodule
