// Two transmit sources each tag their word with its population count and
// parity (one tagger instance per source); a small arbiter picks the tagged
// word that goes on the link.
module ones_tag #(
    parameter W = 10,
    parameter CW = 4
) (
    input  wire [W-1:0]    d,
    output wire [W+CW:0]   t
);
    reg [CW-1:0] n;
    integer i;
    always @* begin
        n = {CW{1'b0}};
        for (i = 0; i < W; i = i + 1)
            n = n + d[i];
    end
    assign t = {^d, n, d};
endmodule

module link_pick #(
    parameter N = 15
) (
    input  wire         a_vld,
    input  wire         b_vld,
    input  wire         b_pri,
    input  wire [N-1:0] a_t,
    input  wire [N-1:0] b_t,
    output wire         go,
    output wire [N-1:0] t
);
    assign go = a_vld | b_vld;
    assign t  = (b_vld & (b_pri | ~a_vld)) ? b_t : a_t;
endmodule

module hoist_tag_arbiter_v (
    input  wire        clk,
    input  wire        a_vld,
    input  wire [9:0]  a_d,
    input  wire        b_vld,
    input  wire [9:0]  b_d,
    input  wire        b_pri,
    output reg         tx_go,
    output reg  [14:0] tx_t
);
    wire [14:0] at, bt, lt;
    wire        go;
    ones_tag #(.W(10), .CW(4)) u_ta (.d(a_d), .t(at));
    ones_tag #(.W(10), .CW(4)) u_tb (.d(b_d), .t(bt));
    link_pick #(.N(15)) u_pick (.a_vld(a_vld), .b_vld(b_vld), .b_pri(b_pri), .a_t(at), .b_t(bt),
                                .go(go), .t(lt));
    always @(posedge clk) begin
        tx_go <= go;
        tx_t  <= lt;
    end
endmodule
