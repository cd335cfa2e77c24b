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
    // one log shifter and one range compare
    assign scaled = (gain < N) ? (data << gain) : {W{1'b0}};
endmodule

module gain_stage (
    input  [17:0] sample,
    input  [3:0]  code,
    output [17:0] out
);
    pow2_gain #(.W(18), .N(11), .GW(4)) u_gain (.data(sample), .gain(code), .scaled(out));
endmodule
