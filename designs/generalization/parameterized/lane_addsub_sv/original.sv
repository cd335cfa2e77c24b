// SIMD add/subtract: LANES independent lanes of W bits, each with its own subtract select.
module lane_addsub #(
    parameter int unsigned LANES = 4,
    parameter int unsigned W     = 8
) (
    input  logic               clk,
    input  logic               rst,
    input  logic [LANES-1:0]   sub,
    input  logic [LANES*W-1:0] a,
    input  logic [LANES*W-1:0] b,
    output logic [LANES*W-1:0] y
);
    for (genvar i = 0; i < LANES; i++) begin : g_lane
        logic [W-1:0] sum, diff;
        assign sum  = a[i*W +: W] + b[i*W +: W];
        assign diff = a[i*W +: W] - b[i*W +: W];
        always_ff @(posedge clk) begin
            if (rst) y[i*W +: W] <= '0;
            else     y[i*W +: W] <= sub[i] ? diff : sum;
        end
    end
endmodule
