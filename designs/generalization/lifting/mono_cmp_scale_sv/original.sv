// Bin picker: two 8-bit bin indices are mapped to frequencies (offset + index * step, in Hz units)
// by a child module, and the frequencies are compared to pick the lower bin and to flag a tie.
module bin_to_freq #(
    parameter int IW = 8,
    parameter int FW = 20,
    parameter int STEP = 375,
    parameter int BASE = 1200
) (
    input  logic [IW-1:0] bin,
    output logic [FW-1:0] freq
);
    assign freq = FW'(BASE) + FW'(bin) * FW'(STEP);
endmodule

module bin_pick #(
    parameter int IW = 8
) (
    input  logic [IW-1:0] bin_x,
    input  logic [IW-1:0] bin_y,
    output logic [IW-1:0] low_bin,
    output logic          tie
);
    logic [19:0] fx, fy;

    bin_to_freq #(.IW(IW)) u_fx (.bin(bin_x), .freq(fx));
    bin_to_freq #(.IW(IW)) u_fy (.bin(bin_y), .freq(fy));

    always_comb begin
        if (fx <= fy) low_bin = bin_x;
        else          low_bin = bin_y;
        tie = (fx == fy);
    end
endmodule

module bin_pick_top (
    input  logic [6:0] bin_x,
    input  logic [6:0] bin_y,
    output logic [6:0] low_bin,
    output logic       tie
);
    bin_pick #(.IW(7)) u_pick (.*);
endmodule
