// I2S transmitter (Philips format, master): bit clock from a divider, word
// select toggling every W bits, MSB first with one bit of delay after WS
// changes. The sample loader keeps its own left/right channel flag.
module i2s_bclk #(
    parameter DIV = 8,
    parameter CW  = 16
) (
    input  wire clk,
    input  wire rst,
    output reg  bclk,
    output wire bclk_fall
);
    reg [CW-1:0] cnt;
    wire         wrap = (cnt == DIV - 1);

    assign bclk_fall = wrap && bclk;

    always @(posedge clk) begin
        if (rst) begin
            cnt  <= {CW{1'b0}};
            bclk <= 1'b0;
        end else begin
            cnt <= wrap ? {CW{1'b0}} : cnt + 1'b1;
            if (wrap)
                bclk <= ~bclk;
        end
    end
endmodule

module i2s_ser #(
    parameter W = 16
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         bclk_fall,
    input  wire [W-1:0] left,
    input  wire [W-1:0] right,
    output reg          ws,
    output wire         sd,
    output reg          chan,
    output wire         sample_req
);
    localparam BW = $clog2(W);

    reg [BW-1:0] bitcnt;
    reg [W:0]    shreg;
    wire         word_end = bclk_fall && (bitcnt == W - 1);

    assign sd         = shreg[W];
    assign sample_req = word_end && ws;

    // word select and serial data
    always @(posedge clk) begin
        if (rst) begin
            bitcnt <= {BW{1'b0}};
            ws     <= 1'b0;
            shreg  <= {W+1{1'b0}};
        end else if (bclk_fall) begin
            bitcnt <= (bitcnt == W - 1) ? {BW{1'b0}} : bitcnt + 1'b1;
            if (bitcnt == W - 1) begin
                ws    <= ~ws;
                shreg <= {shreg[W], ws ? left : right};
            end else begin
                shreg <= {shreg[W-1:0], 1'b0};
            end
        end
    end

    // channel flag for the sample loader: 0 while the left word is sent
    always @(posedge clk) begin
        if (rst)
            chan <= 1'b0;
        else if (word_end)
            chan <= !chan;
    end
endmodule

module i2s_tx #(
    parameter W   = 16,
    parameter DIV = 8
) (
    input  wire         clk,
    input  wire         rst,
    input  wire [W-1:0] left,
    input  wire [W-1:0] right,
    output wire         bclk,
    output wire         ws,
    output wire         sd,
    output wire         chan,
    output wire         sample_req
);
    wire bclk_fall;
    i2s_bclk #(.DIV(DIV)) u_clk (.clk(clk), .rst(rst), .bclk(bclk), .bclk_fall(bclk_fall));
    i2s_ser #(.W(W)) u_ser (
        .clk(clk), .rst(rst), .bclk_fall(bclk_fall), .left(left), .right(right),
        .ws(ws), .sd(sd), .chan(chan), .sample_req(sample_req)
    );
endmodule

module codec_tx (
    input  wire        clk,
    input  wire        rst,
    input  wire [11:0] left,
    input  wire [11:0] right,
    output wire        bclk,
    output wire        ws,
    output wire        sd,
    output wire        chan,
    output wire        sample_req
);
    i2s_tx #(.W(12), .DIV(3)) u_tx (
        .clk(clk), .rst(rst), .left(left), .right(right),
        .bclk(bclk), .ws(ws), .sd(sd), .chan(chan), .sample_req(sample_req)
    );
endmodule
