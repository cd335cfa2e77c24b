// Symmetric FIR: mirrored taps are pre-added, one multiplier per coefficient.
module sym_fir #(
    parameter N  = 4,
    parameter W  = 8,
    parameter CW = 8,
    parameter OW = W + CW + 3
) (
    input  [N*W-1:0]      taps,
    input  [(N/2)*CW-1:0] coef,
    output reg [OW-1:0]   y
);
    wire [W+CW:0] prod [0:N/2-1];

    genvar i;
    generate
        for (i = 0; i < N/2; i = i + 1) begin : g_pair
            wire [W:0] pre = taps[i*W +: W] + taps[(N-1-i)*W +: W];
            assign prod[i] = pre * coef[i*CW +: CW];
        end
    endgenerate

    integer j;
    always @(*) begin
        y = {OW{1'b0}};
        for (j = 0; j < N/2; j = j + 1)
            y = y + prod[j];
    end
endmodule

module fir_top (
    input  [47:0] taps,
    input  [17:0] coef,
    output [16:0] y
);
    sym_fir #(.N(6), .W(8), .CW(6), .OW(17)) u_fir (
        .taps(taps),
        .coef(coef),
        .y   (y)
    );
endmodule
