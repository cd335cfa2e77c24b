// Radix-2 add-compare-select for a 4-state trellis slice (two butterflies, one per always_comb loop
// iteration): each decision compares the difference of the path metrics with the difference of the
// branch metrics, inline in the if condition, while the branches compute the candidate sums.
module acs_pair #(
    parameter int W = 8
) (
    input  logic [1:0][W-1:0] pa,     // path metric of the upper predecessor, per butterfly
    input  logic [1:0][W-1:0] pb,     // lower predecessor
    input  logic [1:0][W-1:0] bx,     // branch metric upper -> upper
    input  logic [1:0][W-1:0] by,     // branch metric lower -> upper
    output logic [1:0][W:0]   pm_new,
    output logic [1:0]        surv
);
    // compare the candidate sums themselves: two adders and one comparator per butterfly
    logic [W:0] su, sl;
    always_comb begin
        for (int k = 0; k < 2; k++) begin
            su = pa[k] + bx[k];
            sl = pb[k] + by[k];
            surv[k]   = su > sl;
            pm_new[k] = (su > sl) ? sl : su;
        end
    end
endmodule

module trellis_slice (
    input  logic [1:0][5:0] pa,
    input  logic [1:0][5:0] pb,
    input  logic [1:0][5:0] bx,
    input  logic [1:0][5:0] by,
    output logic [1:0][6:0] pm,
    output logic [1:0]      dec
);
    acs_pair #(.W(6)) u_acs (.pa(pa), .pb(pb), .bx(bx), .by(by), .pm_new(pm), .surv(dec));
endmodule
