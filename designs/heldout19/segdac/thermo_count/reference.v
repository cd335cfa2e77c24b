// Segmented DAC level controller: unit segments switched on/off one at a time
// (ramping avoids glitches), with a binary status code of the current level.
// The segment register is always a thermometer code: kept as its count.
module seg_ramp #(
    parameter N  = 7,
    parameter CW = 3
) (
    input               clk,
    input               rst_n,
    input               up,
    input               down,
    output reg [CW-1:0] lvl,
    output reg [N-1:0]  seg
);
    integer i;
    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            lvl <= {CW{1'b0}};
        else if (up && lvl != N)
            lvl <= lvl + 1'b1;
        else if (down && lvl != 0)
            lvl <= lvl - 1'b1;
    always @* begin
        for (i = 0; i < N; i = i + 1)
            seg[i] = (lvl > i);
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
    seg_ramp #(.N(15), .CW(4)) u_ramp (.clk(clk), .rst_n(rst_n), .up(up), .down(down), .lvl(level), .seg(seg));
    assign settled = (target == level);
endmodule
