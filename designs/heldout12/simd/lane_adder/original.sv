// Packed-SIMD adder of a small DSP core: one wide add, or LANES independent
// lane adds when simd_mode is set (carries do not cross lane boundaries).
module simd_add #(
    parameter int LANES = 4,
    parameter int LW    = 8
) (
    input  logic [LANES*LW-1:0] a,
    input  logic [LANES*LW-1:0] b,
    input  logic                simd_mode,
    output logic [LANES*LW-1:0] y
);
    logic [LANES*LW-1:0] wide_sum;
    logic [LANES*LW-1:0] lane_sum;

    always_comb begin
        wide_sum = a + b;
        for (int i = 0; i < LANES; i++)
            lane_sum[i*LW +: LW] = a[i*LW +: LW] + b[i*LW +: LW];
        y = simd_mode ? lane_sum : wide_sum;
    end
endmodule

module simd_unit (
    input  logic [23:0] src_a,
    input  logic [23:0] src_b,
    input  logic        simd,
    output logic [23:0] result
);
    simd_add #(.LANES(4), .LW(6)) u_add (.a(src_a), .b(src_b), .simd_mode(simd), .y(result));
endmodule
