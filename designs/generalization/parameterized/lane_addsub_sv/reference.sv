// SIMD add/subtract: one adder per lane, b inverted and a carry-in for subtraction.
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
        always_ff @(posedge clk) begin
            if (rst) y[i*W +: W] <= '0;
            else     y[i*W +: W] <= a[i*W +: W] + (b[i*W +: W] ^ {W{sub[i]}}) + W'(sub[i]);
        end
    end
endmodule
