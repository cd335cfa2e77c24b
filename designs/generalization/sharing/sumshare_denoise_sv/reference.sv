// Reference: each 3-pixel column sum is computed once and the three pixels
// that see the column add the sums of their three columns.
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
    logic [1:0]   col [W+2];
    logic [W-1:0] k;

    assign a = {1'b0, l_above, 1'b0};
    assign h = {1'b0, l_here, 1'b0};
    assign b = {1'b0, l_below, 1'b0};

    for (genvar x = 0; x < W + 2; x++) begin : g_col
        assign col[x] = a[x] + h[x] + b[x];
    end
    for (genvar x = 0; x < W; x++) begin : g_px
        logic [3:0] cnt;
        assign cnt  = col[x] + col[x+1] + col[x+2];
        assign k[x] = (cnt >= 4'd5);
    end

    always_ff @(posedge clk)
        if (en) l_out <= k;
endmodule
