// Add-compare-select butterfly of a K=3 Viterbi decoder. The survivor
// decision is computed from metric differences, the new metrics from sums.
module acs_bfly #(
    parameter W = 8
) (
    input  wire [W-1:0] pm0,
    input  wire [W-1:0] pm1,
    input  wire [W-1:0] bm_a,   // branch metric of pm0 -> s0 and pm1 -> s1
    input  wire [W-1:0] bm_b,   // branch metric of pm1 -> s0 and pm0 -> s1
    output wire [W:0]   npm0,
    output wire [W:0]   npm1,
    output wire         dec0,
    output wire         dec1
);
    // compare the candidate sums themselves: four adders, two comparators
    wire [W:0] s00 = pm0 + bm_a;
    wire [W:0] s10 = pm1 + bm_b;
    wire [W:0] s01 = pm0 + bm_b;
    wire [W:0] s11 = pm1 + bm_a;
    assign dec0 = s00 > s10;
    assign dec1 = s01 > s11;
    assign npm0 = dec0 ? s10 : s00;
    assign npm1 = dec1 ? s11 : s01;
endmodule

module vit_acs (
    input  wire [6:0] pm0,
    input  wire [6:0] pm1,
    input  wire [6:0] bm_a,
    input  wire [6:0] bm_b,
    output wire [7:0] npm0,
    output wire [7:0] npm1,
    output wire       dec0,
    output wire       dec1
);
    acs_bfly #(.W(7)) u_bf (.pm0(pm0), .pm1(pm1), .bm_a(bm_a), .bm_b(bm_b),
                            .npm0(npm0), .npm1(npm1), .dec0(dec0), .dec1(dec1));
endmodule
