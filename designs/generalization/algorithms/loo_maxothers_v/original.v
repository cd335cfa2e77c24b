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
    function [W-1:0] max_except;
        input [N*W-1:0] v;
        input integer skip;
        integer j;
        begin
            max_except = {W{1'b0}};
            for (j = 0; j < N; j = j + 1)
                if (j != skip && v[j*W +: W] > max_except)
                    max_except = v[j*W +: W];
        end
    endfunction
    genvar i;
    generate
        for (i = 0; i < N; i = i + 1) begin : g_ch
            assign peer[i*W +: W] = max_except(lvl, i);
        end
    endgenerate
endmodule

module xtalk (
    input  wire [34:0] levels,
    output wire [34:0] others
);
    loudest_other #(.W(7), .N(5)) u_lo (.lvl(levels), .peer(others));
endmodule
