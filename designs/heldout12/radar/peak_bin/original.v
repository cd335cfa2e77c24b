// Range-bin peak detector of a pulse radar: for every group of N range
// samples report the largest magnitude and the first bin that holds it.
module peak_find #(
    parameter N  = 4,
    parameter W  = 10,
    parameter IW = 2
) (
    input  wire [N*W-1:0] mag,
    output reg  [W-1:0]   peak,
    output reg  [IW-1:0]  peak_bin
);
    integer i;
    always @(*) begin
        peak = mag[W-1:0];
        for (i = 1; i < N; i = i + 1)
            if (mag[i*W +: W] > peak)
                peak = mag[i*W +: W];
        // locate the peak: lowest bin equal to it
        peak_bin = {IW{1'b0}};
        for (i = N - 1; i >= 0; i = i - 1)
            if (mag[i*W +: W] == peak)
                peak_bin = i;
    end
endmodule

module radar_peak (
    input  wire [95:0] mags,
    output wire [11:0] peak,
    output wire [2:0]  peak_bin
);
    peak_find #(.N(8), .W(12), .IW(3)) u_pk (.mag(mags), .peak(peak), .peak_bin(peak_bin));
endmodule
