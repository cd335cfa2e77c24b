// H.264-style 4-point integer forward core transform of one row:
//   y0 = x0 +  x1 +  x2 +  x3        y2 = x0 -  x1 -  x2 + x3
//   y1 = 2x0 + x1 -  x2 - 2x3        y3 = x0 - 2x1 + 2x2 - x3
module core_tx4 #(
    parameter W = 8
) (
    input  wire signed [W-1:0] x0, x1, x2, x3,
    output wire signed [W+2:0] y0, y1, y2, y3
);
    // butterfly: 4 pre-sums then 4 outputs (8 adders instead of 12)
    wire signed [W:0] s03 = x0 + x3;
    wire signed [W:0] d03 = x0 - x3;
    wire signed [W:0] s12 = x1 + x2;
    wire signed [W:0] d12 = x1 - x2;
    assign y0 = s03 + s12;
    assign y2 = s03 - s12;
    assign y1 = (d03 <<< 1) + d12;
    assign y3 = d03 - (d12 <<< 1);
endmodule

module dct_row (
    input  wire signed [8:0]  r0, r1, r2, r3,   // residuals
    output wire signed [11:0] c0, c1, c2, c3
);
    core_tx4 #(.W(9)) u_tx (.x0(r0), .x1(r1), .x2(r2), .x3(r3), .y0(c0), .y1(c1), .y2(c2), .y3(c3));
endmodule
