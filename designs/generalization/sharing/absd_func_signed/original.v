// Motion-vector distance: per-axis absolute difference of two signed 12-bit vectors (the
// candidate and the predictor), summed; the distance function compares and subtracts.
module mv_dist (
    input  wire signed [11:0] cand_x,
    input  wire signed [11:0] cand_y,
    input  wire signed [11:0] pred_x,
    input  wire signed [11:0] pred_y,
    output wire        [13:0] dist
);
    function [12:0] absd;
        input signed [11:0] p;
        input signed [11:0] q;
        begin
            if (p > q)
                absd = p - q;
            else
                absd = q - p;
        end
    endfunction

    wire [12:0] dx = absd(cand_x, pred_x);
    wire [12:0] dy = absd(cand_y, pred_y);
    assign dist = dx + dy;
endmodule
