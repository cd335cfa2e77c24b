// Per-channel alpha blend for a small video overlay, registered.
module alpha_blend (
    input  wire       clk,
    input  wire [7:0] fg,
    input  wire [7:0] bg,
    input  wire [7:0] alpha,
    output reg  [7:0] pix
);
    wire [8:0]  ialpha = 9'd256 - alpha;
    wire [16:0] mix    = fg * alpha + bg * ialpha;
    always @(posedge clk)
        pix <= mix[15:8];
endmodule
