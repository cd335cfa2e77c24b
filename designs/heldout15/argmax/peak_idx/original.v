// Peak detector for a spectrum bin group: largest magnitude and the lowest
// index holding it.
module peak_find #(
    parameter N  = 4,
    parameter W  = 8,
    parameter IW = 2
) (
    input  [N*W-1:0]    mags,
    output reg [W-1:0]  peak,
    output reg [IW-1:0] idx
);
    integer i, j;
    reg found;

    // pass 1: maximum value
    always @(*) begin
        peak = mags[W-1:0];
        for (i = 1; i < N; i = i + 1)
            if (mags[i*W +: W] > peak)
                peak = mags[i*W +: W];
    end

    // pass 2: first position that holds the maximum
    always @(*) begin
        idx   = {IW{1'b0}};
        found = 1'b0;
        for (j = 0; j < N; j = j + 1)
            if (!found && mags[j*W +: W] == peak) begin
                idx   = j;
                found = 1'b1;
            end
    end
endmodule

module peak_top (
    input  [79:0] mags_in,
    output [9:0]  peak_mag,
    output [2:0]  peak_bin
);
    peak_find #(.N(8), .W(10), .IW(3)) u_peak (
        .mags(mags_in), .peak(peak_mag), .idx(peak_bin)
    );
endmodule
