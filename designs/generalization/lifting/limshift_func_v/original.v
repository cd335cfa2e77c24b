// Scaler of a fixed-point sample by a power of two: the gain code selects
// data << k for the N legal codes; any larger code mutes the output.
module pow2_gain #(
    parameter W = 16,
    parameter N = 8,
    parameter GW = 4
) (
    input  [W-1:0]  data,
    input  [GW-1:0] gain,
    output [W-1:0]  scaled
);
    function [W-1:0] pick;
        input [W-1:0]  d;
        input [GW-1:0] g;
        integer k;
        begin
            pick = {W{1'b0}};
            for (k = 0; k < N; k = k + 1)
                if (g == k)
                    pick = d << k;
        end
    endfunction

    assign scaled = pick(data, gain);
endmodule

module gain_stage (
    input  [17:0] sample,
    input  [3:0]  code,
    output [17:0] out
);
    pow2_gain #(.W(18), .N(11), .GW(4)) u_gain (.data(sample), .gain(code), .scaled(out));
endmodule
