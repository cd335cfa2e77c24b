// Triple-modular-redundancy lane monitor: counts the lanes whose two
// replicas disagree; "all agree" and "at most one lane disagrees" flags.
module lane_monitor #(
    parameter N = 8,
    parameter LW = 3
) (
    input  [N*LW-1:0] rep_a,
    input  [N*LW-1:0] rep_b,
    output reg        clean,
    output reg        correctable,
    output reg        multi
);
    reg [4:0] bad;
    integer k;
    always @(*) begin
        bad = 5'd0;
        for (k = 0; k < N; k = k + 1)
            bad = bad + (rep_a[k*LW +: LW] != rep_b[k*LW +: LW]);
        clean       = (bad == 5'd0);
        correctable = (bad < 5'd2);
        multi       = (bad > 5'd1);
    end
endmodule

module tmr_top (
    input  [29:0] a,
    input  [29:0] b,
    output        ok,
    output        fixable,
    output        fail
);
    lane_monitor #(.N(10), .LW(3)) u_mon (.rep_a(a), .rep_b(b), .clean(ok), .correctable(fixable),
                                          .multi(fail));
endmodule
