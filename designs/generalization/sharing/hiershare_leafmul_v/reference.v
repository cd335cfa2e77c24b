// Audio codec datapath (reference): playback and record are never enabled together, so the top
// multiplies once -- operands selected by the playback decode -- and hands the product down.

module play_stage (
    input             clk,
    input             rst,
    input             go,
    input      [13:0] prod,
    output reg [7:0]  out
);
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
    input     [13:0] prod,
    output     [7:0] dac
);
    play_stage u_stage (.clk(clk), .rst(rst), .go(en), .prod(prod), .out(dac));
endmodule

module rec_stage (
    input             clk,
    input             rst,
    input             cap,
    input      [11:0] prod,
    output reg [11:0] acc
);
    always @(posedge clk) begin
        if (rst)
            acc <= 12'd0;
        else if (cap)
            acc <= acc + prod;
    end
endmodule

module rec_path (
    input         clk,
    input         rst,
    input         en,
    input  [11:0] prod,
    output [11:0] level
);
    rec_stage u_stage (.clk(clk), .rst(rst), .cap(en), .prod(prod), .acc(level));
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

    wire [13:0] prod = (play_on ? pcm : {1'b0, mic}) * (play_on ? volume : {1'b0, gain});

    play_path u_play (.clk(clk), .rst(rst), .en(play_on), .prod(prod), .dac(dac));
    rec_path  u_rec  (.clk(clk), .rst(rst), .en(rec_on), .prod(prod[11:0]), .level(level));
endmodule
