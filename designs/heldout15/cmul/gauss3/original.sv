// Complex multiplier for a baseband mixer: (ar + j ai) * (br + j bi).
module cplx_mul #(
    parameter int W = 8
) (
    input  logic signed [W-1:0]  ar, ai, br, bi,
    output logic signed [2*W:0]  pr, pi
);
    always_comb begin
        pr = ar * br - ai * bi;
        pi = ar * bi + ai * br;
    end
endmodule

module nco_mix (
    input  logic signed [5:0]  sig_i, sig_q,
    input  logic signed [5:0]  lo_i, lo_q,
    output logic signed [12:0] mix_i, mix_q
);
    cplx_mul #(.W(6)) u_cm (.ar(sig_i), .ai(sig_q), .br(lo_i), .bi(lo_q), .pr(mix_i), .pi(mix_q));
endmodule
