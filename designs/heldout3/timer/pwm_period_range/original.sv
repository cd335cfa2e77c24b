// PWM generator: free-running period counter, duty compare, period-start strobe.
module pwm #(
  parameter int CW     = 16,
  parameter int PERIOD = 1000
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  input  logic          en_i,
  input  logic [CW-1:0] duty_i,
  output logic          pwm_o,
  output logic          sync_o
);
  logic [CW-1:0] cnt_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)                          cnt_q <= '0;
    else if (!en_i)                       cnt_q <= '0;
    else if (cnt_q == CW'(PERIOD - 1))    cnt_q <= '0;
    else                                  cnt_q <= cnt_q + 1'b1;
  end

  assign pwm_o  = en_i && (cnt_q < duty_i);
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
