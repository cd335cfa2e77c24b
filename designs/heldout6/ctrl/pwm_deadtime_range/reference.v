// Half-bridge PWM with dead time; the dead-time counter sized from DT.
module pwm_dt_leg #(
  parameter PERIOD = 4096,
  parameter DT     = 100
) (
  input             clk,
  input             rst,
  input      [15:0] duty,
  output reg        gate_hi,
  output reg        gate_lo
);
  localparam DW = $clog2(DT + 1);
  reg [15:0]   cnt;
  reg [DW-1:0] dead;
  reg          pwm_q;

  wire pwm = (cnt < duty);

  always @(posedge clk) begin
    if (rst) begin
      cnt     <= 16'd0;
      dead    <= {DW{1'b0}};
      pwm_q   <= 1'b0;
      gate_hi <= 1'b0;
      gate_lo <= 1'b0;
    end else begin
      cnt   <= (cnt == PERIOD - 1) ? 16'd0 : cnt + 16'd1;
      pwm_q <= pwm;
      if (pwm != pwm_q) begin
        dead    <= DT;
        gate_hi <= 1'b0;
        gate_lo <= 1'b0;
      end else if (dead != {DW{1'b0}}) begin
        dead    <= dead - 1'b1;
      end else begin
        gate_hi <= pwm_q;
        gate_lo <= ~pwm_q;
      end
    end
  end
endmodule

module pwm_bridge (
  input         clk,
  input         rst,
  input  [15:0] duty_a,
  input  [15:0] duty_b,
  output        ah, al, bh, bl
);
  pwm_dt_leg #(.PERIOD(1000), .DT(12)) u_a (.clk(clk), .rst(rst), .duty(duty_a), .gate_hi(ah), .gate_lo(al));
  pwm_dt_leg #(.PERIOD(1000), .DT(12)) u_b (.clk(clk), .rst(rst), .duty(duty_b), .gate_hi(bh), .gate_lo(bl));
endmodule
