// Audio level bar: lights segment k when |x| exceeds threshold k.
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
    logic [W-1:0] mag;

    always_comb begin
        mag    = x[W-1] ? -x : x;            // magnitude, W bits unsigned
        seg[0] = mag > W'(T0);
        seg[1] = mag > W'(T1);
        seg[2] = mag > W'(T2);
        seg[3] = mag > W'(T3);
        clip   = mag >= W'(1 << (W-1)) - 1;  // at or beyond full scale
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
