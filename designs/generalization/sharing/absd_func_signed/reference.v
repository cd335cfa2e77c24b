// Motion-vector distance: per-axis absolute difference of two signed 12-bit vectors, summed.
// One 13-bit subtraction per axis; its sign decides a conditional negate.
module mv_dist (
    input  wire signed [11:0] cand_x,
    input  wire signed [11:0] cand_y,
    input  wire signed [11:0] pred_x,
    input  wire signed [11:0] pred_y,
    output wire        [13:0] dist
);
    wire [12:0] ex = {cand_x[11], cand_x} - {pred_x[11], pred_x};
    wire [12:0] ey = {cand_y[11], cand_y} - {pred_y[11], pred_y};
    wire [11:0] dx = ex[12] ? (~ex[11:0] + 1'b1) : ex[11:0];
    wire [11:0] dy = ey[12] ? (~ey[11:0] + 1'b1) : ey[11:0];
    assign dist = dx + dy;
endmodule
