// Binary-image denoiser for one line of a streaming 3-line window: a pixel
// is kept set when at least five of the nine pixels of its 3x3 neighbourhood
// (itself included) are set. One window-count instance per pixel from a
// SystemVerilog for-genvar loop (no generate keyword); the line edges read
// as background.
module win_count (
    input  logic [2:0] above,
    input  logic [2:0] here,
    input  logic [2:0] below,
    output logic       keep
);
    logic [3:0] cnt;
    assign cnt = above[0] + above[1] + above[2] + here[0] + here[1] + here[2]
               + below[0] + below[1] + below[2];
    assign keep = (cnt >= 4'd5);
endmodule

module denoise_line #(
    parameter int W = 12
) (
    input  logic         clk,
    input  logic         en,
    input  logic [W-1:0] l_above,
    input  logic [W-1:0] l_here,
    input  logic [W-1:0] l_below,
    output logic [W-1:0] l_out
);
    logic [W+1:0] a, h, b;
    logic [W-1:0] k;

    assign a = {1'b0, l_above, 1'b0};
    assign h = {1'b0, l_here, 1'b0};
    assign b = {1'b0, l_below, 1'b0};

    for (genvar x = 0; x < W; x++) begin : g_px
        win_count u_win (
            .above(a[x +: 3]),
            .here (h[x +: 3]),
            .below(b[x +: 3]),
            .keep (k[x])
        );
    end

    always_ff @(posedge clk)
        if (en) l_out <= k;
endmodule
