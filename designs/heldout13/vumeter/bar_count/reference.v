// VU meter: level -> LED bar (thermometer), and the number of lit LEDs for the
// brightness limiter, counted from the bar.
module bar_gen #(parameter N = 16, parameter LW = 5) (
  input  wire [LW-1:0] level,
  output reg  [N-1:0]  bar
);
  integer i;
  always @(*) begin
    for (i = 0; i < N; i = i + 1)
      bar[i] = (level > i);
  end
endmodule

module lit_count #(parameter N = 16, parameter CW = 5) (
  input  wire [N-1:0]  leds,
  output reg  [CW-1:0] cnt
);
  integer i;
  always @(*) begin
    cnt = 0;
    for (i = 0; i < N; i = i + 1)
      cnt = cnt + leds[i];
  end
endmodule

module vu_meter (
  input  wire [4:0]  level,
  output wire [11:0] leds,
  output wire [3:0]  lit
);
  bar_gen   #(.N(12), .LW(5)) u_bar (.level(level), .bar(leds));
  // the bar is a thermometer of level: its popcount is min(level, 12)
  assign lit = (level > 5'd12) ? 4'd12 : level[3:0];
endmodule
