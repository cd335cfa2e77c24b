// LED bar-graph level meter: a 12-segment bar grows by one segment on a loud
// sample and shrinks on a quiet one (a case on the two strobes); a child
// counts the lit segments for the level readout, the parent flags full/empty.
module bar_reg (
    input             clk,
    input             rst_n,
    input             loud,
    input             quiet,
    output reg [11:0] bar
);
    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            bar <= 12'h000;
        else
            case ({loud, quiet})
                2'b10:   bar <= (bar << 1) | 12'h001;
                2'b01:   bar <= bar >> 1;
                default: bar <= bar;
            endcase
endmodule

module seg_count (
    input      [11:0] segs,
    output reg [3:0]  n
);
    integer i;
    always @* begin
        n = 4'd0;
        for (i = 0; i < 12; i = i + 1)
            if (segs[i]) n = n + 4'd1;
    end
endmodule

module bar_meter (
    input         clk,
    input         rst_n,
    input  [7:0]  sample,
    output [11:0] bar,
    output [3:0]  level,
    output        full,
    output        empty
);
    wire loud  = sample[7] & (sample[6:0] > 7'd64);
    wire quiet = ~sample[7] & (level != 4'd0);
    bar_reg   u_bar (.clk(clk), .rst_n(rst_n), .loud(loud), .quiet(quiet), .bar(bar));
    seg_count u_cnt (.segs(bar), .n(level));
    assign full  = &bar;
    assign empty = ~|bar;
endmodule
