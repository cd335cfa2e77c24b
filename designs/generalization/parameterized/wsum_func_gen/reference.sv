// Weighted sum of three channels with the weights 9, 27 and 45 as shifts and adds:
// 9a + 27b + 45c = 8a + a + 32b - 4b - b + 32c + 8c + 4c + c.
module wsum #(
    parameter int N = 3,
    parameter int W = 8
) (
    input  logic             clk,
    input  logic [N*W-1:0]   x,
    output logic [W+7:0]     y
);
    logic [W-1:0] a, b, c;
    assign {c, b, a} = x;
    logic [W+7:0] s;
    assign s = (W+8)'({a, 3'b000}) + a + (W+8)'({b, 5'b00000}) - (W+8)'({b, 2'b00}) - b
             + (W+8)'({c, 5'b00000}) + (W+8)'({c, 3'b000}) + (W+8)'({c, 2'b00}) + c;
    always_ff @(posedge clk) y <= s;
endmodule
