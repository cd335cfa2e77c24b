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
    // one flag per lane; no count: an OR, and x & (x - 1) for "two or more"
    wire [N-1:0] d;
    genvar g;
    generate for (g = 0; g < N; g = g + 1) begin : g_lane
        assign d[g] = rep_a[g*LW +: LW] != rep_b[g*LW +: LW];
    end endgenerate
    always @(*) begin
        clean       = ~|d;
        correctable = ~|(d & (d - 1'b1));
        multi       = |(d & (d - 1'b1));
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
