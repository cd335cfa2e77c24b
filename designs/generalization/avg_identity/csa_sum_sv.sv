// SV: sums rebuilt from carry-save parts in an always_comb block (generate/propagate style).
module csa_sum_sv (
    input  logic [9:0] a, b,
    output logic [9:0] s_xor, s_or
);
    logic [9:0] g, t, x;
    always_comb begin
        g = a & b;
        t = a | b;
        x = a ^ b;
        s_xor  = x + (g << 1);
        s_or   = t + g;
    end
endmodule
