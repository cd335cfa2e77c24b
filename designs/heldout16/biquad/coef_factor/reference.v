// Programmable [1 2 1] smoothing section for a sensor anti-alias chain
// (the numerator of a second-order low-pass): the host writes the gain b0
// and an output offset; the tap coefficients b1 = 2 b0 and b2 = b0 are
// derived in the coefficient bank. The taps are factored:
// b0 * (x + 2 x1 + x2), one multiplier instead of three.
module coef_bank #(
    parameter CW = 16,
    parameter OW = 20
) (
    input  wire                 clk,
    input  wire                 rst,
    input  wire                 we,
    input  wire                 waddr,
    input  wire [OW-1:0] wdata,
    output reg  [CW-1:0] b0,
    output reg  [OW-1:0] ofs
);
    always @(posedge clk)
        if (rst) begin
            b0 <= {CW{1'b0}}; ofs <= {OW{1'b0}};
        end else if (we) begin
            if (waddr) ofs <= wdata;
            else       b0  <= wdata[CW-1:0];
        end
endmodule

module tap_mul #(
    parameter DW = 16,
    parameter CW = 16
) (
    input  wire [DW-1:0]    x,
    input  wire [CW-1:0]    c,
    output wire [DW+CW-1:0] p
);
    assign p = x * c;
endmodule

module delay2 #(
    parameter DW = 16
) (
    input  wire                 clk,
    input  wire                 rst,
    input  wire                 en,
    input  wire [DW-1:0] d,
    output reg  [DW-1:0] d1,
    output reg  [DW-1:0] d2
);
    always @(posedge clk)
        if (rst) begin
            d1 <= {DW{1'b0}}; d2 <= {DW{1'b0}};
        end else if (en) begin
            d1 <= d; d2 <= d1;
        end
endmodule

module out_reg #(
    parameter AW = 34
) (
    input  wire                 clk,
    input  wire                 rst,
    input  wire                 en,
    input  wire [AW-1:0] d,
    output reg  [AW-1:0] q,
    output reg                  vld
);
    always @(posedge clk)
        if (rst) begin
            q <= {AW{1'b0}}; vld <= 1'b0;
        end else begin
            vld <= en;
            if (en) q <= d;
        end
endmodule

module smooth121 #(
    parameter DW = 16,
    parameter CW = 16
) (
    input  wire                       clk,
    input  wire                       rst,
    input  wire                       en,
    input  wire [DW-1:0]       x,
    input  wire                       we,
    input  wire                       waddr,
    input  wire [DW+CW+1:0]    wdata,
    output wire [DW+CW+1:0]    y,
    output wire                       y_vld
);
    localparam AW = DW + CW + 2;
    wire [CW-1:0]    b0;
    wire [AW-1:0]    ofs;
    wire [DW-1:0]    x1, x2;
    wire [DW+1:0]    xs;
    wire [DW+CW+1:0] pb;
    wire [AW-1:0]    acc;

    coef_bank #(.CW(CW), .OW(AW)) u_coef (.clk(clk), .rst(rst), .we(we), .waddr(waddr), .wdata(wdata),
                                          .b0(b0), .ofs(ofs));
    delay2 #(.DW(DW)) u_xd (.clk(clk), .rst(rst), .en(en), .d(x), .d1(x1), .d2(x2));

    assign xs = x + (x1 << 1) + x2;
    tap_mul #(.DW(DW+2), .CW(CW)) u_mb (.x(xs), .c(b0), .p(pb));

    assign acc = pb + ofs;
    out_reg #(.AW(AW)) u_out (.clk(clk), .rst(rst), .en(en), .d(acc), .q(y), .vld(y_vld));
endmodule

module aa_filter (
    input  wire              clk,
    input  wire              rst,
    input  wire              en,
    input  wire [5:0] x,
    input  wire              we,
    input  wire              waddr,
    input  wire [13:0] wdata,
    output wire [13:0] y,
    output wire              y_vld
);
    smooth121 #(.DW(6), .CW(6)) u_f (.clk(clk), .rst(rst), .en(en), .x(x), .we(we),
                                      .waddr(waddr), .wdata(wdata), .y(y), .y_vld(y_vld));
endmodule
