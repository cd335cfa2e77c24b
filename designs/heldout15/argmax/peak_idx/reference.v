// Peak detector: one scan carries the index with the running maximum.
module peak_find #(
    parameter N  = 4,
    parameter W  = 8,
    parameter IW = 2
) (
    input  [N*W-1:0]    mags,
    output reg [W-1:0]  peak,
    output reg [IW-1:0] idx
);
    integer i;
    always @(*) begin
        peak = mags[W-1:0];
        idx  = {IW{1'b0}};
        for (i = 1; i < N; i = i + 1)
            if (mags[i*W +: W] > peak) begin
                peak = mags[i*W +: W];
                idx  = i;
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
