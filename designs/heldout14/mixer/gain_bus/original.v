// Stage-monitor mixer: two mic channels share the "group" fader, the
// talkback channel has its own fader. Each channel is scaled in its own
// gain stage and the bus adds the scaled channels.
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
    wire [W+GW-1:0] ya, yb, yt;

    gain_stage #(.W(W), .GW(GW)) u_a (.x(mic_a), .g(group_gain), .y(ya));
    gain_stage #(.W(W), .GW(GW)) u_b (.x(mic_b), .g(group_gain), .y(yb));
    gain_stage #(.W(W), .GW(GW)) u_t (.x(talk),  .g(talk_gain),  .y(yt));

    assign bus = ya + yb + yt;
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
