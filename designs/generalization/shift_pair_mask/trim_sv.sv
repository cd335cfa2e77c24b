// SV: a 24-bit sample trimmed to its low 'keep' bits by an always_comb shift pair through a
// named intermediate; the amount is 24 - keep (keep in 1..24 by a sibling's range, any 5-bit value
// here: amounts >= 24 clear everything on both sides).
module trimmer #(parameter int W = 24) (
    input  logic [W-1:0] s,
    input  logic [4:0]   keep,
    output logic [W-1:0] t
);
    logic [4:0]   amt;
    logic [W-1:0] up;
    always_comb begin
        amt = 5'(W) - keep;
        up  = s << amt;
        t   = up >> amt;
    end
endmodule

module trim_sv (
    input  logic [23:0] smp,
    input  logic [4:0]  k,
    output logic [23:0] out
);
    trimmer #(.W(24)) u_t (.s(smp), .keep(k), .t(out));
endmodule
