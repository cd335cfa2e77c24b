// Seconds clock with a status LED: the clock block divides the input clock down to seconds and keeps
// a seconds count; the LED block keeps its own 3-bit count of second ticks and toggles the LED each
// time it wraps (every 8 seconds). Async active-low reset, separate always blocks per register.
module sec_clock #(parameter DIV = 5000, parameter SW = 8) (
  input  wire clk, rst_n,
  output reg  [12:0] pre,
  output reg  [SW-1:0] secs,
  output wire tick
);
  assign tick = (pre == DIV - 1);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) pre <= 13'd0;
    else if (tick) pre <= 13'd0;
    else pre <= pre + 13'd1;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) secs <= {SW{1'b0}};
    else if (tick) secs <= secs + 1'b1;
endmodule

module led_blink (
  input  wire clk, rst_n, tick,
  input  wire armed,
  output wire led
);
  reg [2:0] sub;
  reg       lamp;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) sub <= 3'd0;
    else if (tick) sub <= sub + 3'd1;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) lamp <= 1'b0;
    else if (tick && sub == 3'd7) lamp <= !lamp;
  assign led = armed & lamp;
endmodule

module clock_led (
  input  wire clk, rst_n, armed,
  output wire [7:0] secs,
  output wire led
);
  wire t;
  wire [12:0] pre;
  sec_clock #(.DIV(6000), .SW(8)) u_clk (.clk(clk), .rst_n(rst_n), .pre(pre), .secs(secs), .tick(t));
  led_blink u_led (.clk(clk), .rst_n(rst_n), .tick(t), .armed(armed), .led(led));
endmodule
