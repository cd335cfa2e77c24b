// Parking sensor zone classifier: the nearer of two ultrasonic readings is
// compared with the near/far limits.
module min2 #(parameter int W = 16) (
  input  logic [W-1:0] a, b,
  output logic [W-1:0] y
);
  always_comb y = (a < b) ? a : b;
endmodule

module prox_zone #(
  parameter int W = 16,
  parameter logic [W-1:0] NEAR = 16'd100,
  parameter logic [W-1:0] FAR  = 16'd400
) (
  input  logic clk, rst_n, valid,
  input  logic [W-1:0] d_left, d_right,
  output logic near_q, far_q,
  output logic [1:0] zone_q
);
  // min(a,b) < T  <=>  a < T || b < T : no comparator between the readings
  logic n_any, m_any;
  assign n_any = (d_left < NEAR) | (d_right < NEAR);
  assign m_any = (d_left < FAR)  | (d_right < FAR);
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      near_q <= 1'b0; far_q <= 1'b0; zone_q <= 2'd0;
    end else if (valid) begin
      near_q <= n_any;
      far_q  <= ~m_any;
      zone_q <= n_any ? 2'd2 : m_any ? 2'd1 : 2'd0;
    end
  end
endmodule

module park_assist (
  input  logic clk, rst_n, valid,
  input  logic [11:0] fl, fr, rl, rr,
  output logic [1:0] front_zone, rear_zone,
  output logic beep, clear
);
  logic fn, ff, rn, rf;
  prox_zone #(.W(12), .NEAR(12'd150), .FAR(12'd900)) u_front (.clk, .rst_n, .valid, .d_left(fl), .d_right(fr), .near_q(fn), .far_q(ff), .zone_q(front_zone));
  prox_zone #(.W(12), .NEAR(12'd120), .FAR(12'd700)) u_rear  (.clk, .rst_n, .valid, .d_left(rl), .d_right(rr), .near_q(rn), .far_q(rf), .zone_q(rear_zone));
  assign beep  = fn | rn;
  assign clear = ff & rf;
endmodule
