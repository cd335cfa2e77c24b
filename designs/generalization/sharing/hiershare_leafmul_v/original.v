// Audio codec datapath, three levels deep on each side: the playback volume multiplier sits in a
// leaf module under play_stage under play_path; the record gain product is written inside the
// record stage's clocked block. The top's mode register enables one side at a time.

module vol_leaf (
    input  [7:0]  s,
    input  [5:0]  v,
    output [13:0] p
);
    assign p = s * v;
endmodule

module play_stage (
    input             clk,
    input             rst,
    input             go,
    input      [7:0]  smp,
    input      [5:0]  vol,
    output reg [7:0]  out
);
    wire [13:0] prod;
    vol_leaf u_vol (.s(smp), .v(vol), .p(prod));
    always @(posedge clk) begin
        if (rst)
            out <= 8'd0;
        else if (go)
            out <= prod[13:6];
    end
endmodule

module play_path (
    input            clk,
    input            rst,
    input            en,
    input      [7:0] pcm,
    input      [5:0] volume,
    output     [7:0] dac
);
    play_stage u_stage (.clk(clk), .rst(rst), .go(en), .smp(pcm), .vol(volume), .out(dac));
endmodule

module rec_stage (
    input             clk,
    input             rst,
    input             cap,
    input      [6:0]  mic,
    input      [4:0]  gain,
    output reg [11:0] acc
);
    always @(posedge clk) begin
        if (rst)
            acc <= 12'd0;
        else if (cap)
            acc <= acc + mic * gain;
    end
endmodule

module rec_path (
    input         clk,
    input         rst,
    input         en,
    input  [6:0]  mic,
    input  [4:0]  gain,
    output [11:0] level
);
    rec_stage u_stage (.clk(clk), .rst(rst), .cap(en), .mic(mic), .gain(gain), .acc(level));
endmodule

module codec_top (
    input         clk,
    input         rst,
    input         mode_ld,
    input  [1:0]  mode_in,
    input  [7:0]  pcm,
    input  [5:0]  volume,
    input  [6:0]  mic,
    input  [4:0]  gain,
    output [7:0]  dac,
    output [11:0] level
);
    reg [1:0] mode;  // 0 off, 1 playback, 2 record, 3 off
    always @(posedge clk) begin
        if (rst)
            mode <= 2'd0;
        else if (mode_ld)
            mode <= mode_in;
    end
    wire play_on = (mode == 2'd1);
    wire rec_on  = (mode == 2'd2);

    play_path u_play (.clk(clk), .rst(rst), .en(play_on), .pcm(pcm), .volume(volume), .dac(dac));
    rec_path  u_rec  (.clk(clk), .rst(rst), .en(rec_on), .mic(mic), .gain(gain), .level(level));
endmodule
