// Crosstalk canceller reference: each of five channels is compared against the loudest of the
// OTHER channels. A function scans the flat bus skipping the own channel; a generate loop calls it
// once per channel (five scans of four words).
module loudest_other #(
    parameter W = 8,
    parameter N = 5
) (
    input  wire [N*W-1:0] lvl,
    output wire [N*W-1:0] peer
);
    // the largest and second largest level and the index of the largest, once: the loudest other
    // channel is the second largest for the loudest channel and the largest for every other one
    reg [W-1:0] m1, m2;
    reg [2:0]   ix;
    integer j;
    always @* begin
        m1 = {W{1'b0}};
        m2 = {W{1'b0}};
        ix = 3'd0;
        for (j = 0; j < N; j = j + 1)
            if (lvl[j*W +: W] > m1) begin
                m2 = m1;
                m1 = lvl[j*W +: W];
                ix = j;
            end else if (lvl[j*W +: W] > m2) begin
                m2 = lvl[j*W +: W];
            end
    end
    genvar i;
    generate
        for (i = 0; i < N; i = i + 1) begin : g_ch
            assign peer[i*W +: W] = (ix == i) ? m2 : m1;
        end
    endgenerate
endmodule

module xtalk (
    input  wire [34:0] levels,
    output wire [34:0] others
);
    loudest_other #(.W(7), .N(5)) u_lo (.lvl(levels), .peer(others));
endmodule
