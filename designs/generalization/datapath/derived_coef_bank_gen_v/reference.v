// Four-tap [1 2 2 1] interpolation section, factored: g * (s0 + 2 s1 + 2 s2 + s3),
// one multiplier instead of four; the doubled gain is no longer needed.
module gain_bank (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       ld,
    input  wire       sel,
    input  wire [9:0] din,
    output reg  [7:0] g,
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
    wire [9:0]  bias;
    reg  [23:0] dl;

    gain_bank u_bank (.clk(clk), .rst_n(rst_n), .ld(ld), .sel(sel), .din(din), .g(g), .bias(bias));

    always @(posedge clk)
        if (!rst_n) dl <= 24'd0;
        else if (stb) dl <= {dl[17:0], smp};

    wire [8:0]  outer = dl[5:0] + dl[23:18];
    wire [7:0]  inner = dl[11:6] + dl[17:12];
    wire [9:0]  tsum  = outer + {inner, 1'b0};
    wire [16:0] sum   = tsum * g + bias;

    always @(posedge clk)
        if (!rst_n) y <= 17'd0;
        else if (stb) y <= sum;
endmodule
