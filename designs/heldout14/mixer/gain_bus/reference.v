// Stage-monitor mixer, hand-optimized: the two channels on the group fader
// are summed first and scaled once (a*g + b*g = (a+b)*g).
module gain_stage #(
    parameter W  = 16,
    parameter GW = 8
) (
    input  wire [W-1:0]    x,
    input  wire [GW-1:0]   g,
    output wire [W+GW-1:0] y
);
    assign y = x * g;
endmodule

module mix_bus #(
    parameter W  = 16,
    parameter GW = 8
) (
    input  wire [W-1:0]      mic_a,
    input  wire [W-1:0]      mic_b,
    input  wire [W-1:0]      talk,
    input  wire [GW-1:0]     group_gain,
    input  wire [GW-1:0]     talk_gain,
    output wire [W+GW+1:0]   bus
);
    wire [W:0]      grp = mic_a + mic_b;
    wire [W+GW:0]   yg  = grp * group_gain;
    wire [W+GW-1:0] yt;

    gain_stage #(.W(W), .GW(GW)) u_t (.x(talk), .g(talk_gain), .y(yt));

    assign bus = yg + yt;
endmodule

module stage_mixer (
    input  wire        clk,
    input  wire        rst,
    input  wire [9:0]  mic_a,
    input  wire [9:0]  mic_b,
    input  wire [9:0]  talk,
    input  wire [5:0]  group_gain,
    input  wire [5:0]  talk_gain,
    output reg  [17:0] bus_q
);
    wire [17:0] bus;
    mix_bus #(.W(10), .GW(6)) u_bus (
        .mic_a(mic_a), .mic_b(mic_b), .talk(talk),
        .group_gain(group_gain), .talk_gain(talk_gain), .bus(bus)
    );
    always @(posedge clk) begin
        if (rst) bus_q <= 18'd0;
        else     bus_q <= bus;
    end
endmodule
