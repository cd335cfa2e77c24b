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
    assign m_fl = thr + pitch + roll - yaw;
    assign m_fr = thr + pitch - roll + yaw;
    assign m_rl = thr - pitch + roll + yaw;
    assign m_rr = thr - pitch - roll - yaw;
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
