// Three-channel motor PWM block: every channel instance owns its period counter (edge-aligned
// PWM, shared PERIOD), so the channel IP can also be used stand-alone.
module pwm_channel #(
  parameter int PERIOD = 256,
  localparam int CW = $clog2(PERIOD)
) (
  input  logic          clk,
  input  logic          rst_n,
  input  logic          en,
  input  logic [CW-1:0] duty,
  output logic          pwm_o,
  output logic          period_start
);
  logic [CW-1:0] cnt;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)  cnt <= '0;
    else if (en) cnt <= (cnt == CW'(PERIOD - 1)) ? '0 : cnt + 1'b1;
  end
  assign pwm_o        = en && (cnt < duty);
  assign period_start = en && (cnt == '0);
endmodule

module pwm3 (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       en,
  input  logic [9:0] duty_u, duty_v, duty_w,
  output logic [2:0] pwm,
  output logic       sync
);
  logic [2:0] ps;
  pwm_channel #(.PERIOD(1000)) u_ch_u (.clk, .rst_n, .en, .duty(duty_u), .pwm_o(pwm[0]), .period_start(ps[0]));
  pwm_channel #(.PERIOD(1000)) u_ch_v (.clk, .rst_n, .en, .duty(duty_v), .pwm_o(pwm[1]), .period_start(ps[1]));
  pwm_channel #(.PERIOD(1000)) u_ch_w (.clk, .rst_n, .en, .duty(duty_w), .pwm_o(pwm[2]), .period_start(ps[2]));
  assign sync = ps[0];
endmodule
