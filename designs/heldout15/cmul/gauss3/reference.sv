// Complex multiplier with three real products (Gauss):
//   k1 = br*(ar+ai), k2 = ar*(bi-br), k3 = ai*(br+bi); pr = k1-k3, pi = k1+k2
module cplx_mul #(
    parameter int W = 8
) (
    input  logic signed [W-1:0]  ar, ai, br, bi,
    output logic signed [2*W:0]  pr, pi
);
    logic signed [W:0]     sa, db, sb;
    logic signed [2*W:0]   k1, k2, k3;
    always_comb begin
        sa = ar + ai;
        db = bi - br;
        sb = br + bi;
        k1 = br * sa;
        k2 = ar * db;
        k3 = ai * sb;
        pr = k1 - k3;
        pi = k1 + k2;
    end
endmodule

module nco_mix (
    input  logic signed [5:0]  sig_i, sig_q,
    input  logic signed [5:0]  lo_i, lo_q,
    output logic signed [12:0] mix_i, mix_q
);
    cplx_mul #(.W(6)) u_cm (.ar(sig_i), .ai(sig_q), .br(lo_i), .bi(lo_q), .pr(mix_i), .pi(mix_q));
endmodule
