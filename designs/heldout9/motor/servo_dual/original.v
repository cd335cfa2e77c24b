// Two RC-servo channels. Each channel runs its own 20 ms frame counter (PERIOD ticks of the
// 1/PERIOD prescaled clock enable) and raises its pulse while the frame counter is below its width.
module servo_ch #(parameter PERIOD = 2000, parameter CW = 16) (
  input  wire clk,
  input  wire rst_n,
  input  wire tick,
  input  wire [CW-1:0] width,
  output reg  pulse,
  output wire frame_start
);
  reg [CW-1:0] cnt;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) cnt <= {CW{1'b0}};
    else if (tick) cnt <= (cnt == PERIOD-1) ? {CW{1'b0}} : cnt + 1'b1;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) pulse <= 1'b0;
    else if (tick) pulse <= (cnt < width);
  assign frame_start = tick && (cnt == PERIOD-1);
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
  wire f0, f1;
  servo_ch #(.PERIOD(1500), .CW(11)) ch0 (.clk(clk), .rst_n(rst_n), .tick(tick), .width(width0), .pulse(pwm0), .frame_start(f0));
  servo_ch #(.PERIOD(1500), .CW(11)) ch1 (.clk(clk), .rst_n(rst_n), .tick(tick), .width(width1), .pulse(pwm1), .frame_start(f1));
  assign frame = f0 | f1;
endmodule
