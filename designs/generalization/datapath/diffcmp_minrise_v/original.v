// Fan tray monitor: a fan is flagged when its speed count rises at least LIM above the slowest
// fan of the tray. The slowest is the minimum (a function), each fan's rise a named difference
// inside a generate loop (never wraps: the minimum is at most every fan).
module rise_detect #(
    parameter W   = 9,
    parameter N   = 4,
    parameter LIM = 9
) (
    input  wire [N*W-1:0] fan,
    output wire [N-1:0]   fast,
    output wire [W-1:0]   low
);
    function [W-1:0] min2;
        input [W-1:0] a, b;
        min2 = (a < b) ? a : b;
    endfunction
    assign low = min2(min2(fan[0 +: W], fan[W +: W]), min2(fan[2*W +: W], fan[3*W +: W]));
    genvar i;
    generate
        for (i = 0; i < N; i = i + 1) begin : g_fan
            wire [W-1:0] rise = fan[i*W +: W] - low;
            assign fast[i] = rise >= LIM;
        end
    endgenerate
endmodule

module fan_tray (
    input  wire [31:0] speeds,
    output wire [3:0]  odd,
    output wire [7:0]  slow
);
    rise_detect #(.W(8), .N(4), .LIM(13)) u_rd (.fan(speeds), .fast(odd), .low(slow));
endmodule
