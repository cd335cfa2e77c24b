// Video-encoder distortion meter: the sum of squared errors between the
// source and reconstructed pixels of a block (rate-distortion decisions).
module sq_err #(
    parameter W = 10
) (
    input  wire [W-1:0]    a,
    input  wire [W-1:0]    b,
    output wire [2*W-1:0]  e2
);
    wire signed [W:0]     d  = $signed({1'b0, a}) - $signed({1'b0, b});
    wire signed [2*W+1:0] sq = d * d;
    assign e2 = sq[2*W-1:0];
endmodule

module sse_acc #(
    parameter W  = 10,
    parameter AW = 26
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          clr,
    input  wire          vld,
    input  wire [W-1:0]  src,
    input  wire [W-1:0]  rec,
    output reg  [AW-1:0] sse
);
    wire [2*W-1:0] e2;
    sq_err #(.W(W)) u_sq (.a(src), .b(rec), .e2(e2));
    always @(posedge clk) begin
        if (rst || clr) sse <= {AW{1'b0}};
        else if (vld)   sse <= sse + e2;
    end
endmodule

module rd_meter (
    input  wire        clk,
    input  wire        rst,
    input  wire        blk_start,
    input  wire        vld,
    input  wire [7:0]  src_y,
    input  wire [7:0]  rec_y,
    input  wire [7:0]  src_c,
    input  wire [7:0]  rec_c,
    output wire [21:0] sse_y,
    output wire [21:0] sse_c
);
    sse_acc #(.W(8), .AW(22)) u_y (.clk(clk), .rst(rst), .clr(blk_start), .vld(vld), .src(src_y), .rec(rec_y), .sse(sse_y));
    sse_acc #(.W(8), .AW(22)) u_c (.clk(clk), .rst(rst), .clr(blk_start), .vld(vld), .src(src_c), .rec(rec_c), .sse(sse_c));
endmodule
