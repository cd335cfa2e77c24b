// fg*a + bg*(256-a) = bg*256 + (fg-bg)*a: one signed 9x8 multiplier; bg*256 only touches the high byte.
module alpha_blend (
    input  wire       clk,
    input  wire [7:0] fg,
    input  wire [7:0] bg,
    input  wire [7:0] alpha,
    output reg  [7:0] pix
);
    wire signed [8:0]  d = {1'b0, fg} - {1'b0, bg};
    wire signed [17:0] p = d * $signed({1'b0, alpha});
    wire        [16:0] mix = {1'b0, bg, 8'd0} + p[16:0];
    always @(posedge clk)
        pix <= mix[15:8];
endmodule
