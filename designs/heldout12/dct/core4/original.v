// H.264-style 4-point integer forward core transform of one row:
//   y0 = x0 +  x1 +  x2 +  x3        y2 = x0 -  x1 -  x2 + x3
//   y1 = 2x0 + x1 -  x2 - 2x3        y3 = x0 - 2x1 + 2x2 - x3
module core_tx4 #(
    parameter W = 8
) (
    input  wire signed [W-1:0] x0, x1, x2, x3,
    output wire signed [W+2:0] y0, y1, y2, y3
);
    assign y0 = x0 + x1 + x2 + x3;
    assign y1 = 2 * x0 + x1 - x2 - 2 * x3;
    assign y2 = x0 - x1 - x2 + x3;
    assign y3 = x0 - 2 * x1 + 2 * x2 - x3;
endmodule

module dct_row (
    input  wire signed [8:0]  r0, r1, r2, r3,   // residuals
    output wire signed [11:0] c0, c1, c2, c3
);
    core_tx4 #(.W(9)) u_tx (.x0(r0), .x1(r1), .x2(r2), .x3(r3), .y0(c0), .y1(c1), .y2(c2), .y3(c3));
endmodule
