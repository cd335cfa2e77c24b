// LED bar-graph level meter: the bar is always a thermometer code from reset,
// so it is kept as its level (a counter saturating at 12) and decoded.
module bar_meter (
    input             clk,
    input             rst_n,
    input      [7:0]  sample,
    output reg [11:0] bar,
    output reg [3:0]  level,
    output            full,
    output            empty
);
    wire loud  = sample[7] & (sample[6:0] > 7'd64);
    wire quiet = ~sample[7] & (level != 4'd0);
    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            level <= 4'd0;
        else if (loud && !quiet && level != 4'd12)
            level <= level + 4'd1;
        else if (quiet && !loud)
            level <= level - 4'd1;
    integer i;
    always @*
        for (i = 0; i < 12; i = i + 1)
            bar[i] = (level > i);
    assign full  = (level == 4'd12);
    assign empty = (level == 4'd0);
endmodule
