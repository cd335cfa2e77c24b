// PWM generator: the counter only needs $clog2(PERIOD) bits.
module pwm #(
  parameter int CW     = 16,
  parameter int PERIOD = 1000,
  parameter int KW     = $clog2(PERIOD)
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  input  logic          en_i,
  input  logic [CW-1:0] duty_i,
  output logic          pwm_o,
  output logic          sync_o
);
  logic [KW-1:0] cnt_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)                          cnt_q <= '0;
    else if (!en_i)                       cnt_q <= '0;
    else if (cnt_q == KW'(PERIOD - 1))    cnt_q <= '0;
    else                                  cnt_q <= cnt_q + 1'b1;
  end

  assign pwm_o  = en_i && ((|duty_i[CW-1:KW]) || (cnt_q < duty_i[KW-1:0]));
  assign sync_o = en_i && (cnt_q == '0);
endmodule

module pwm_top (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        en_i,
  input  logic [15:0] duty_i,
  output logic        pwm_o,
  output logic        sync_o
);
  pwm #(.CW(16), .PERIOD(200)) u_pwm (
    .clk_i(clk_i), .rst_ni(rst_ni), .en_i(en_i), .duty_i(duty_i), .pwm_o(pwm_o), .sync_o(sync_o));
endmodule
