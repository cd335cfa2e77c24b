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
    // one set of lane adders; the carry between lanes is killed in SIMD mode
    logic [LW:0] s;
    logic        c;

    always_comb begin
        c = 1'b0;
        for (int i = 0; i < LANES; i++) begin
            s = {1'b0, a[i*LW +: LW]} + {1'b0, b[i*LW +: LW]} + {{LW{1'b0}}, c};
            y[i*LW +: LW] = s[LW-1:0];
            c = s[LW] & ~simd_mode;
        end
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
