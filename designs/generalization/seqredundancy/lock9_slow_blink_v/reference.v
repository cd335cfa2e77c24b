// Seconds clock with a status LED: the LED's 3-bit tick count and lamp were in lock step with the
// seconds count (sub == secs[2:0], lamp == secs[3]): the LED reads secs[3].
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
  input  wire armed, lamp,
  output wire led
);
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
  led_blink u_led (.armed(armed), .lamp(secs[3]), .led(led));
endmodule
