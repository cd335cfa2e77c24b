// Quad-X motor mixer of a flight controller: each motor channel adds or
// subtracts the pitch, roll and yaw commands (sign per channel parameter).
module mix_ch #(
    parameter W  = 10,
    parameter SP = 1,   // +pitch
    parameter SR = 1,   // +roll
    parameter SY = 1    // +yaw
) (
    input  wire signed [W-1:0] thr,
    input  wire signed [W-1:0] pitch,
    input  wire signed [W-1:0] roll,
    input  wire signed [W-1:0] yaw,
    output wire signed [W+1:0] m
);
    wire signed [W+1:0] p = SP ? pitch : -pitch;
    wire signed [W+1:0] r = SR ? roll  : -roll;
    wire signed [W+1:0] y = SY ? yaw   : -yaw;
    assign m = thr + p + r + y;
endmodule

module quad_mixer #(
    parameter W = 10
) (
    input  wire signed [W-1:0] thr,
    input  wire signed [W-1:0] pitch,
    input  wire signed [W-1:0] roll,
    input  wire signed [W-1:0] yaw,
    output wire signed [W+1:0] m1,
    output wire signed [W+1:0] m2,
    output wire signed [W+1:0] m3,
    output wire signed [W+1:0] m4
);
    // shared partial sums: 4 + 4 adders instead of 4 x 3
    wire signed [W+1:0] tp_p = thr + pitch;    // T + P
    wire signed [W+1:0] tp_m = thr - pitch;    // T - P
    wire signed [W+1:0] ry_p = roll + yaw;     // R + Y
    wire signed [W+1:0] ry_m = roll - yaw;     // R - Y
    assign m1 = tp_p + ry_m;                   // T + P + R - Y
    assign m2 = tp_m - ry_p;                   // T - P - R - Y
    assign m3 = tp_p - ry_m;                   // T + P - R + Y
    assign m4 = tp_m + ry_p;                   // T - P + R + Y
endmodule

module fc_mixer (
    input  wire signed [11:0] thr,
    input  wire signed [11:0] pitch,
    input  wire signed [11:0] roll,
    input  wire signed [11:0] yaw,
    output wire signed [13:0] m1,
    output wire signed [13:0] m2,
    output wire signed [13:0] m3,
    output wire signed [13:0] m4
);
    quad_mixer #(.W(12)) u_mix (.thr(thr), .pitch(pitch), .roll(roll), .yaw(yaw),
                                .m1(m1), .m2(m2), .m3(m3), .m4(m4));
endmodule
