// Black-level subtraction for a 2x2 Bayer quad (R, Gr, Gb, B).
module min2 #(
    parameter W = 10
) (
    input  [W-1:0] a,
    input  [W-1:0] b,
    output [W-1:0] y
);
    assign y = (a < b) ? a : b;
endmodule

module bl_chan #(
    parameter W = 10
) (
    input  [W-1:0] pix,
    input  [W-1:0] black,
    output [W-1:0] out
);
    wire [W-1:0] m;
    min2 #(.W(W)) u_min (.a(pix), .b(black), .y(m));
    assign out = pix - m;
endmodule

module black_clamp (
    input             clk,
    input             rst_n,
    input             valid,
    input      [47:0] quad,
    input      [47:0] black,
    output reg [47:0] quad_out
);
    wire [47:0] o;
    genvar c;
    generate
        for (c = 0; c < 4; c = c + 1) begin : g_ch
            bl_chan #(.W(12)) u_ch (.pix(quad[c*12 +: 12]), .black(black[c*12 +: 12]), .out(o[c*12 +: 12]));
        end
    endgenerate
    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            quad_out <= 48'd0;
        else if (valid)
            quad_out <= o;
endmodule
