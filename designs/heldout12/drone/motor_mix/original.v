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
    mix_ch #(.W(W), .SP(1), .SR(1), .SY(0)) u_m1 (.thr(thr), .pitch(pitch), .roll(roll), .yaw(yaw), .m(m1));
    mix_ch #(.W(W), .SP(0), .SR(0), .SY(0)) u_m2 (.thr(thr), .pitch(pitch), .roll(roll), .yaw(yaw), .m(m2));
    mix_ch #(.W(W), .SP(1), .SR(0), .SY(1)) u_m3 (.thr(thr), .pitch(pitch), .roll(roll), .yaw(yaw), .m(m3));
    mix_ch #(.W(W), .SP(0), .SR(1), .SY(1)) u_m4 (.thr(thr), .pitch(pitch), .roll(roll), .yaw(yaw), .m(m4));
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
