// Audio level bar: |x| > T is x > T or x < -T; no negation of x.
module level_bar #(
    parameter int W  = 16,
    parameter int T0 = 1000,
    parameter int T1 = 4000,
    parameter int T2 = 12000,
    parameter int T3 = 24000
) (
    input  logic signed [W-1:0] x,
    output logic        [3:0]   seg,
    output logic                clip
);
    localparam logic signed [W-1:0] P0 = T0, P1 = T1, P2 = T2, P3 = T3;
    localparam logic signed [W-1:0] N0 = -T0, N1 = -T1, N2 = -T2, N3 = -T3;
    localparam logic signed [W-1:0] FS = (1 << (W-1)) - 1;

    always_comb begin
        seg[0] = (x > P0) || (x < N0);
        seg[1] = (x > P1) || (x < N1);
        seg[2] = (x > P2) || (x < N2);
        seg[3] = (x > P3) || (x < N3);
        clip   = (x == FS) || (x <= -FS);
    end
endmodule

module vu_meter (
    input  logic signed [11:0] sample,
    output logic        [3:0]  bar,
    output logic               clip
);
    level_bar #(.W(12), .T0(40), .T1(300), .T2(900), .T3(1800)) u_bar (
        .x(sample), .seg(bar), .clip(clip)
    );
endmodule
