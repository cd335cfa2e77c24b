// Symmetric FIR tap sum with run-time coefficients (coefficient RAM shared
// between the mirrored taps).  Combinational; the caller registers y.
module sym_fir #(
    parameter N  = 4,            // number of taps (even)
    parameter W  = 8,            // sample width
    parameter CW = 8,            // coefficient width
    parameter OW = W + CW + 3    // output width
) (
    input  [N*W-1:0]      taps,  // taps[0] is the newest sample
    input  [(N/2)*CW-1:0] coef,  // coefficients of taps 0 .. N/2-1
    output reg [OW-1:0]   y
);
    wire [W+CW-1:0] prod [0:N-1];

    genvar i;
    generate
        for (i = 0; i < N; i = i + 1) begin : g_tap
            // tap i and tap N-1-i use the same coefficient
            localparam integer K = (i < N/2) ? i : N - 1 - i;
            assign prod[i] = taps[i*W +: W] * coef[K*CW +: CW];
        end
    endgenerate

    integer j;
    always @(*) begin
        y = {OW{1'b0}};
        for (j = 0; j < N; j = j + 1)
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
