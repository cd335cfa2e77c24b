// Sobel edge magnitude |Gx| + |Gy| for a 3x3 window (p0..p8 row-major),
// written from the textbook kernels.
module sobel3x3 #(
    parameter W = 8
) (
    input  wire         clk,
    input  wire         en,
    input  wire [9*W-1:0] win,
    output reg  [W+3:0]   mag
);
    wire [W-1:0] p0 = win[0*W +: W], p1 = win[1*W +: W], p2 = win[2*W +: W];
    wire [W-1:0] p3 = win[3*W +: W],                     p5 = win[5*W +: W];
    wire [W-1:0] p6 = win[6*W +: W], p7 = win[7*W +: W], p8 = win[8*W +: W];

    // Gx = [-1 0 1; -2 0 2; -1 0 1], Gy = [-1 -2 -1; 0 0 0; 1 2 1]
    wire signed [W+3:0] gx = ($signed({4'b0, p2}) + $signed({3'b0, p5, 1'b0}) + $signed({4'b0, p8}))
                           - ($signed({4'b0, p0}) + $signed({3'b0, p3, 1'b0}) + $signed({4'b0, p6}));
    wire signed [W+3:0] gy = ($signed({4'b0, p6}) + $signed({3'b0, p7, 1'b0}) + $signed({4'b0, p8}))
                           - ($signed({4'b0, p0}) + $signed({3'b0, p1, 1'b0}) + $signed({4'b0, p2}));
    wire [W+3:0] ax = gx[W+3] ? -gx : gx;
    wire [W+3:0] ay = gy[W+3] ? -gy : gy;

    always @(posedge clk)
        if (en) mag <= ax + ay;
endmodule

module edge_top (
    input  wire        clk,
    input  wire        en,
    input  wire [53:0] win,
    output wire [9:0]  mag
);
    sobel3x3 #(.W(6)) u_sob (.clk(clk), .en(en), .win(win), .mag(mag));
endmodule
