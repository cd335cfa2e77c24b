// Bin picker: the frequency rises with the bin index, so the indices compare directly.
module bin_pick #(
    parameter int IW = 8
) (
    input  logic [IW-1:0] bin_x,
    input  logic [IW-1:0] bin_y,
    output logic [IW-1:0] low_bin,
    output logic          tie
);
    always_comb begin
        if (bin_x <= bin_y) low_bin = bin_x;
        else                low_bin = bin_y;
        tie = (bin_x == bin_y);
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
