// Quad-X motor mixer in one module: every motor command is the throttle plus or
// minus the pitch, roll and yaw corrections (all two's complement).
module quad_mix_sv #(
    parameter int W = 12
) (
    input  logic signed [W-1:0] thr,
    input  logic signed [W-1:0] pitch,
    input  logic signed [W-1:0] roll,
    input  logic signed [W-1:0] yaw,
    output logic signed [W+1:0] m_fl,
    output logic signed [W+1:0] m_fr,
    output logic signed [W+1:0] m_rl,
    output logic signed [W+1:0] m_rr
);
    // thr +- pitch and roll +- yaw once, then one add/sub per motor (8 instead of 12)
    logic signed [W:0] tp_s, tp_d, ry_s, ry_d;
    assign tp_s = thr + pitch;
    assign tp_d = thr - pitch;
    assign ry_s = roll + yaw;
    assign ry_d = roll - yaw;
    assign m_fl = tp_s + ry_d;
    assign m_fr = tp_s - ry_d;
    assign m_rl = tp_d + ry_s;
    assign m_rr = tp_d - ry_s;
endmodule

module mixer_top (
    input  logic signed [9:0]  thr,
    input  logic signed [9:0]  pitch,
    input  logic signed [9:0]  roll,
    input  logic signed [9:0]  yaw,
    output logic signed [11:0] m_fl,
    output logic signed [11:0] m_fr,
    output logic signed [11:0] m_rl,
    output logic signed [11:0] m_rr
);
    quad_mix_sv #(.W(10)) u_mix (.*);
endmodule
