// Level meter (reference): the held code changes only in the cycle after a
// tick (every 5 clocks), so the 15 clock-rate stages are 3 stages shifted
// on the tick.
module tick_div (
  input clk, input arst_n, output tick
);
  reg [2:0] cnt;
  always @(posedge clk or negedge arst_n)
    if (!arst_n) cnt <= 3'd4;
    else if (cnt == 3'd0) cnt <= 3'd4;
    else cnt <= cnt - 3'd1;
  assign tick = (cnt == 3'd0);
endmodule

module hold6 (
  input clk, input arst_n, input ld, input [5:0] d, output reg [5:0] q
);
  always @(posedge clk or negedge arst_n)
    if (!arst_n) q <= 6'd0;
    else if (ld) q <= d;
endmodule

module level_meter (
  input clk, input arst_n, input [5:0] adc,
  output [5:0] aligned, output over
);
  wire tick;
  wire [5:0] held;
  reg [5:0] s0, s1, s2;
  tick_div u_div (.clk(clk), .arst_n(arst_n), .tick(tick));
  hold6 u_hold (.clk(clk), .arst_n(arst_n), .ld(tick), .d(adc), .q(held));
  always @(posedge clk or negedge arst_n)
    if (!arst_n) begin s0 <= 6'd0; s1 <= 6'd0; s2 <= 6'd0; end
    else if (tick) begin s0 <= held; s1 <= s0; s2 <= s1; end
  assign aligned = s2;
  assign over = aligned > held;
endmodule
