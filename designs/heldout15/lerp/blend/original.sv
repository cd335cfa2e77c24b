// Per-channel linear blend for a video cross-fade:
//   y = (a * (2^FW - f) + b * f) >> FW
module lerp_chan #(
    parameter int W  = 8,
    parameter int FW = 4
) (
    input  logic [W-1:0]  a,
    input  logic [W-1:0]  b,
    input  logic [FW-1:0] f,
    output logic [W-1:0]  y
);
    logic [W+FW:0] acc;
    always_comb begin
        acc = a * ((1 << FW) - f) + b * f;
        y   = acc[W+FW-1:FW];
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
