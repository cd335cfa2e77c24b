// Cross-correlation accumulator for two receive channels; the front end may
// invert the polarity of the channel pair (antenna switch), applied per channel.
module pol_inv #(
    parameter W = 8
) (
    input  signed [W-1:0] x,
    input                 inv,
    output signed [W:0]   y       // one bit wider: -(-2^(W-1)) fits
);
    wire signed [W:0] xe = x;
    assign y = inv ? -xe : xe;
endmodule

module xcorr_core #(
    parameter W  = 10,
    parameter AW = 24
) (
    input                      clk,
    input                      rst_n,
    input                      clr,
    input                      en,
    input                      inv,
    input      signed [W-1:0]  a,
    input      signed [W-1:0]  b,
    output reg signed [AW-1:0] acc
);
    wire signed [W:0]     ap, bp;
    wire signed [2*W+1:0] p;
    pol_inv #(.W(W)) u_pa (.x(a), .inv(inv), .y(ap));
    pol_inv #(.W(W)) u_pb (.x(b), .inv(inv), .y(bp));
    assign p = ap * bp;
    always @(posedge clk or negedge rst_n)
        if (!rst_n)   acc <= {AW{1'b0}};
        else if (clr) acc <= {AW{1'b0}};
        else if (en)  acc <= acc + p;
endmodule

module xcorr_acc (
    input                clk,
    input                rst_n,
    input                clr,
    input                en,
    input                inv,
    input  signed [5:0]  i_s,
    input  signed [5:0]  q_s,
    output signed [15:0] corr
);
    xcorr_core #(.W(6), .AW(16)) u_core (.clk(clk), .rst_n(rst_n), .clr(clr), .en(en), .inv(inv),
                                          .a(i_s), .b(q_s), .acc(corr));
endmodule
