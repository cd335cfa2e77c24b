// Segmented DAC level controller: unit segments switched on/off one at a time
// (ramping avoids glitches), with a binary status code of the current level.
module seg_ramp #(
    parameter N = 7
) (
    input              clk,
    input              rst_n,
    input              up,
    input              down,
    output reg [N-1:0] seg
);
    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            seg <= {N{1'b0}};
        else if (up && !seg[N-1])
            seg <= {seg[N-2:0], 1'b1};
        else if (down && seg[0])
            seg <= {1'b0, seg[N-1:1]};
endmodule

module ones_count #(
    parameter N  = 7,
    parameter CW = 3
) (
    input      [N-1:0]  v,
    output reg [CW-1:0] n
);
    integer i;
    always @* begin
        n = {CW{1'b0}};
        for (i = 0; i < N; i = i + 1)
            n = n + v[i];
    end
endmodule

module segdac_ctrl (
    input         clk,
    input         rst_n,
    input  [3:0]  target,
    output [14:0] seg,
    output [3:0]  level,
    output        settled
);
    wire up   = (target > level);
    wire down = (target < level);
    seg_ramp   #(.N(15))          u_ramp (.clk(clk), .rst_n(rst_n), .up(up), .down(down), .seg(seg));
    ones_count #(.N(15), .CW(4))  u_cnt  (.v(seg), .n(level));
    assign settled = (target == level);
endmodule
