// Packed SIMD add/subtract: one adder per lane, b inverted and a carry-in for subtraction.
module simd_as #(
    parameter LANES = 4,
    parameter W     = 12
) (
    input  wire [LANES-1:0]   mode,
    input  wire [LANES*W-1:0] a,
    input  wire [LANES*W-1:0] b,
    output wire [LANES*W-1:0] y
);
    genvar i;
    generate
        for (i = 0; i < LANES; i = i + 1) begin : lane
            assign y[i*W +: W] = a[i*W +: W] + (b[i*W +: W] ^ {W{mode[i]}}) + mode[i];
        end
    endgenerate
endmodule
