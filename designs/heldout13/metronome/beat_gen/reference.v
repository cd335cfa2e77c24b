// Metronome: tempo prescaler -> beat counter; accent on the first beat of the bar.
// The click and the LED each have their own tempo prescaler.
module tempo_div #(parameter DIV = 1000, parameter CW = 16) (
  input  wire clk,
  input  wire rst,
  input  wire run,
  output wire tick
);
  reg [CW-1:0] c;
  assign tick = run && (c == DIV - 1);
  always @(posedge clk) begin
    if (rst || !run) c <= 0;
    else if (tick)   c <= 0;
    else             c <= c + 1'b1;
  end
endmodule

module bar_counter #(parameter BEATS = 4) (
  input  wire clk,
  input  wire rst,
  input  wire run,
  input  wire tick,
  output reg  [2:0] beat,
  output wire accent
);
  assign accent = tick && (beat == 3'd0);
  always @(posedge clk) begin
    if (rst || !run) beat <= 3'd0;
    else if (tick)   beat <= (beat == BEATS - 1) ? 3'd0 : beat + 1'b1;
  end
endmodule

module metronome (
  input  wire       clk,
  input  wire       rst,
  input  wire       run,
  output wire       click,
  output wire       accent,
  output wire       led,
  output wire [2:0] beat
);
  // both prescalers run in lock step: one 6-bit prescaler (counts to 49) serves both
  wire t_click;
  tempo_div   #(.DIV(50), .CW(6)) u_div_click (.clk(clk), .rst(rst), .run(run), .tick(t_click));
  bar_counter #(.BEATS(3)) u_bar (.clk(clk), .rst(rst), .run(run), .tick(t_click), .beat(beat), .accent(accent));
  assign click = t_click;
  assign led   = t_click;
endmodule
