// SAD: one subtractor per pair; |d| = (d ^ {W{borrow}}) + borrow, and the
// +borrow terms are summed once as a small count.
module sad_unit #(
    parameter int N = 8,
    parameter int W = 8
) (
    input  logic [N-1:0][W-1:0]      cur,
    input  logic [N-1:0][W-1:0]      refp,
    output logic [W+$clog2(N)-1:0]   sad
);
    logic [W:0]          d;
    logic [$clog2(N):0]  nb;

    always_comb begin
        sad = '0;
        nb  = '0;
        for (int i = 0; i < N; i++) begin
            d   = {1'b0, cur[i]} - {1'b0, refp[i]};
            sad = sad + (d[W-1:0] ^ {W{d[W]}});
            nb  = nb + d[W];
        end
        sad = sad + nb;
    end
endmodule

module sad_top (
    input  logic [3:0][6:0] cur_px,
    input  logic [3:0][6:0] ref_px,
    output logic [8:0]      sad
);
    sad_unit #(.N(4), .W(7)) u_sad (.cur(cur_px), .refp(ref_px), .sad(sad));
endmodule
