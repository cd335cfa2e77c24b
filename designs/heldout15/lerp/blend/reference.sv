// Linear blend as a + ((b - a) * f) >>> FW: one signed multiplier per channel.
module lerp_chan #(
    parameter int W  = 8,
    parameter int FW = 4
) (
    input  logic [W-1:0]  a,
    input  logic [W-1:0]  b,
    input  logic [FW-1:0] f,
    output logic [W-1:0]  y
);
    logic signed [W:0]      d;
    logic signed [W+FW+1:0] p;
    always_comb begin
        d = $signed({1'b0, b}) - $signed({1'b0, a});
        p = d * $signed({1'b0, f});
        y = a + p[W+FW:FW];
    end
endmodule

module luma_fade (
    input  logic [6:0] y_a,
    input  logic [6:0] y_b,
    input  logic [4:0] alpha,
    output logic [6:0] y_o
);
    lerp_chan #(.W(7), .FW(5)) u_lerp (.a(y_a), .b(y_b), .f(alpha), .y(y_o));
endmodule
