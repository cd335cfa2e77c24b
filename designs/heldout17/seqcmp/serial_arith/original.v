// RTP jitter-buffer admission: 16-bit sequence numbers wrap, so "newer"
// follows serial-number arithmetic (RFC 1982), written out case by case.
module sn_newer #(
    parameter W = 32
) (
    input  wire [W-1:0] a,
    input  wire [W-1:0] b,
    output wire         newer     // a is after b
);
    localparam [W-1:0] HALF = {1'b1, {(W-1){1'b0}}};
    assign newer = ((a > b) && (a - b < HALF)) ||
                   ((a < b) && (b - a > HALF));
endmodule

module jb_admit #(
    parameter W = 32
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         pkt_vld,
    input  wire [W-1:0] seq,
    output reg  [W-1:0] highest,
    output reg          late,
    output reg          accept
);
    wire newer_hi, newer_play;
    reg  [W-1:0] play;
    sn_newer #(.W(W)) u_hi   (.a(seq), .b(highest), .newer(newer_hi));
    sn_newer #(.W(W)) u_play (.a(seq), .b(play),    .newer(newer_play));
    always @(posedge clk) begin
        if (rst) begin
            highest <= {W{1'b0}}; play <= {W{1'b0}}; late <= 1'b0; accept <= 1'b0;
        end else begin
            accept <= 1'b0; late <= 1'b0;
            if (pkt_vld) begin
                if (newer_play || seq == play) begin
                    accept <= 1'b1;
                    if (newer_hi) highest <= seq;
                end else begin
                    late <= 1'b1;
                end
                play <= play + 1'b1;
            end
        end
    end
endmodule

module rtp_rx (
    input  wire        clk,
    input  wire        rst,
    input  wire        pkt_vld,
    input  wire [15:0] seq,
    output wire [15:0] highest,
    output wire        late,
    output wire        accept
);
    jb_admit #(.W(16)) u_jb (.clk(clk), .rst(rst), .pkt_vld(pkt_vld), .seq(seq),
                             .highest(highest), .late(late), .accept(accept));
endmodule
