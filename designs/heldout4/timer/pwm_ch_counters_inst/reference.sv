// Three-channel motor PWM block: the three channels run identical period counters from the
// same reset and enable, so one shared counter feeds three compare units.
module pwm_compare #(
  parameter int CW = 8
) (
  input  logic          en,
  input  logic [CW-1:0] cnt,
  input  logic [CW-1:0] duty,
  output logic          pwm_o
);
  assign pwm_o = en && (cnt < duty);
endmodule

module pwm3 (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       en,
  input  logic [9:0] duty_u, duty_v, duty_w,
  output logic [2:0] pwm,
  output logic       sync
);
  localparam int PERIOD = 1000;
  logic [9:0] cnt;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)  cnt <= '0;
    else if (en) cnt <= (cnt == 10'(PERIOD - 1)) ? '0 : cnt + 1'b1;
  end
  assign sync = en && (cnt == '0);
  pwm_compare #(.CW(10)) u_ch_u (.en, .cnt, .duty(duty_u), .pwm_o(pwm[0]));
  pwm_compare #(.CW(10)) u_ch_v (.en, .cnt, .duty(duty_v), .pwm_o(pwm[1]));
  pwm_compare #(.CW(10)) u_ch_w (.en, .cnt, .duty(duty_w), .pwm_o(pwm[2]));
endmodule
