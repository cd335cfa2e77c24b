// Two RC-servo channels sharing one frame counter (both channel counters ran in lock step from reset).
module servo_frame #(parameter PERIOD = 2000, parameter CW = 16) (
  input  wire clk,
  input  wire rst_n,
  input  wire tick,
  output reg  [CW-1:0] cnt,
  output wire frame_start
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) cnt <= {CW{1'b0}};
    else if (tick) cnt <= (cnt == PERIOD-1) ? {CW{1'b0}} : cnt + 1'b1;
  assign frame_start = tick && (cnt == PERIOD-1);
endmodule

module servo_ch #(parameter CW = 16) (
  input  wire clk,
  input  wire rst_n,
  input  wire tick,
  input  wire [CW-1:0] cnt,
  input  wire [CW-1:0] width,
  output reg  pulse
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) pulse <= 1'b0;
    else if (tick) pulse <= (cnt < width);
endmodule

module servo_dual (
  input  wire clk,
  input  wire rst_n,
  input  wire tick,
  input  wire [10:0] width0,
  input  wire [10:0] width1,
  output wire pwm0,
  output wire pwm1,
  output wire frame
);
  wire [10:0] cnt;
  servo_frame #(.PERIOD(1500), .CW(11)) fr (.clk(clk), .rst_n(rst_n), .tick(tick), .cnt(cnt), .frame_start(frame));
  servo_ch #(.CW(11)) ch0 (.clk(clk), .rst_n(rst_n), .tick(tick), .cnt(cnt), .width(width0), .pulse(pwm0));
  servo_ch #(.CW(11)) ch1 (.clk(clk), .rst_n(rst_n), .tick(tick), .cnt(cnt), .width(width1), .pulse(pwm1));
endmodule
