// Reference: both kernels contain the corner differences a = p8 - p0 and
// b = p2 - p6: Gx = a + b + 2(p5 - p3), Gy = a - b + 2(p7 - p1). Four
// subtractions feed both sums instead of two six-term sums.
module edge_top (
    input  wire        clk,
    input  wire        en,
    input  wire [53:0] win,
    output reg  [9:0]  mag
);
    wire [5:0] p0 = win[0 +: 6], p1 = win[6 +: 6], p2 = win[12 +: 6];
    wire [5:0] p3 = win[18 +: 6],                  p5 = win[30 +: 6];
    wire [5:0] p6 = win[36 +: 6], p7 = win[42 +: 6], p8 = win[48 +: 6];

    wire signed [9:0] a  = $signed({4'b0, p8}) - $signed({4'b0, p0});
    wire signed [9:0] b  = $signed({4'b0, p2}) - $signed({4'b0, p6});
    wire signed [9:0] cx = $signed({4'b0, p5}) - $signed({4'b0, p3});
    wire signed [9:0] cy = $signed({4'b0, p7}) - $signed({4'b0, p1});
    wire signed [9:0] gx = a + b + (cx <<< 1);
    wire signed [9:0] gy = a - b + (cy <<< 1);
    wire [9:0] ax = gx[9] ? -gx : gx;
    wire [9:0] ay = gy[9] ? -gy : gy;

    always @(posedge clk)
        if (en) mag <= ax + ay;
endmodule
