// Nearest of the levels 40, 150, 400, 610, 900: thresholds at the midpoints (ties to the lower level).
module level_pick (
    input            clk,
    input      [9:0] code,
    output reg [2:0] idx_q
);
    wire [2:0] idx = (code <= 10'd95)  ? 3'd0 :
                     (code <= 10'd275) ? 3'd1 :
                     (code <= 10'd505) ? 3'd2 :
                     (code <= 10'd755) ? 3'd3 : 3'd4;
    always @(posedge clk) idx_q <= idx;
endmodule
