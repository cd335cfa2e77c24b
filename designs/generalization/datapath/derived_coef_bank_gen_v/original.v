// Four-tap [1 2 2 1] interpolation section: the host loads one gain g; the
// gain bank derives the doubled inner-tap gain g2 = g << 1. A generate loop
// instantiates one multiplier per tap over a packed tap bus.
module gain_bank (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       ld,
    input  wire       sel,
    input  wire [9:0] din,
    output reg  [7:0] g,
    output wire [8:0] g2,
    output reg  [9:0] bias
);
    always @(posedge clk)
        if (!rst_n) begin
            g    <= 8'd0;
            bias <= 10'd0;
        end else if (ld) begin
            if (sel) bias <= din;
            else     g    <= din[7:0];
        end
    assign g2 = g << 1;
endmodule

module umul #(parameter AW = 6, parameter BW = 9) (
    input  wire [AW-1:0]    a,
    input  wire [BW-1:0]    b,
    output wire [AW+BW-1:0] p
);
    assign p = a * b;
endmodule

module interp4 (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        stb,
    input  wire [5:0]  smp,
    input  wire        ld,
    input  wire        sel,
    input  wire [9:0]  din,
    output reg  [16:0] y
);
    wire [7:0]  g;
    wire [8:0]  g2;
    wire [9:0]  bias;
    reg  [23:0] dl;
    wire [35:0] cbus = {1'b0, g, g2, g2, 1'b0, g};
    wire [14:0] prod [0:3];

    gain_bank u_bank (.clk(clk), .rst_n(rst_n), .ld(ld), .sel(sel), .din(din), .g(g), .g2(g2), .bias(bias));

    always @(posedge clk)
        if (!rst_n) dl <= 24'd0;
        else if (stb) dl <= {dl[17:0], smp};

    genvar i;
    generate
        for (i = 0; i < 4; i = i + 1) begin : tap
            umul #(.AW(6), .BW(9)) u_m (.a(dl[i*6 +: 6]), .b(cbus[i*9 +: 9]), .p(prod[i]));
        end
    endgenerate

    wire [16:0] sum = prod[0] + prod[1] + prod[2] + prod[3] + bias;

    always @(posedge clk)
        if (!rst_n) y <= 17'd0;
        else if (stb) y <= sum;
endmodule
