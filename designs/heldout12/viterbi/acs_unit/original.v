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
    // pm0 + bm_a > pm1 + bm_b  <=>  pm0 - pm1 > bm_b - bm_a
    wire signed [W+1:0] dpm = $signed({2'b00, pm0}) - $signed({2'b00, pm1});
    wire signed [W+1:0] dba = $signed({2'b00, bm_b}) - $signed({2'b00, bm_a});
    wire signed [W+1:0] dab = $signed({2'b00, bm_a}) - $signed({2'b00, bm_b});
    assign dec0 = dpm > dba;            // survivor into state 0 comes from pm1
    assign dec1 = dpm > dab;            // survivor into state 1 comes from pm1
    assign npm0 = dec0 ? pm1 + bm_b : pm0 + bm_a;
    assign npm1 = dec1 ? pm1 + bm_a : pm0 + bm_b;
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
