// Gain stage: signed sample scaled by 1/4 and 1/16 (C-style truncating division).
module sdiv_pow2 (
    input  wire signed [15:0] x,
    output wire signed [15:0] q4,
    output wire signed [15:0] q16
);
    assign q4  = x / 4;
    assign q16 = x / 16;
endmodule
