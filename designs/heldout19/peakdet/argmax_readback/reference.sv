// Spectrum peak detector: index and magnitude of the strongest bin.
module argmax_idx #(
    parameter int N = 4,
    parameter int W = 8
) (
    input  logic [N-1:0][W-1:0]    bin_mag,
    output logic [$clog2(N)-1:0]   idx,
    output logic [W-1:0]           best
);
    always_comb begin
        best = bin_mag[0];
        idx  = '0;
        for (int i = 1; i < N; i++) begin
            if (bin_mag[i] > best) begin
                best = bin_mag[i];
                idx  = i[$clog2(N)-1:0];
            end
        end
    end
endmodule

module spec_peak (
    input  logic            clk,
    input  logic            rst,
    input  logic            frame_done,
    input  logic [7:0][11:0] bin_mag,
    output logic [2:0]      peak_idx,
    output logic [11:0]     peak_mag
);
    logic [2:0]  idx;
    logic [11:0] best;   // == bin_mag[idx]
    argmax_idx #(.N(8), .W(12)) u_am (.bin_mag(bin_mag), .idx(idx), .best(best));
    always_ff @(posedge clk) begin
        if (rst) begin
            peak_idx <= '0;
            peak_mag <= '0;
        end else if (frame_done) begin
            peak_idx <= idx;
            peak_mag <= best;
        end
    end
endmodule
