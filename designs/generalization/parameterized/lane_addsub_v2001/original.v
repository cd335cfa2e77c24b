// Packed SIMD add/subtract, Verilog-2001: per lane a sum wire and a difference wire, the lane's
// mode bit picks one (combinational).
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
            wire [W-1:0] s = a[i*W +: W] + b[i*W +: W];
            wire [W-1:0] d;
            assign d = a[i*W +: W] - b[i*W +: W];
            assign y[i*W +: W] = mode[i] ? d : s;
        end
    endgenerate
endmodule
