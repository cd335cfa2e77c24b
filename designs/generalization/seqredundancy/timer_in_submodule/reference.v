module tick_timer (
    input            clk,
    input            rst,
    input            run,
    output reg [9:0] ticks,
    output           tick_half
);
    always @(posedge clk) begin
        if (rst)      ticks <= 10'd0;
        else if (run) ticks <= ticks + 10'd1;
    end
    assign tick_half = ticks[9];
endmodule

module timer_top (
    input        clk,
    input        rst,
    input        run,
    input  [9:0] limit,
    output       expired,
    output       half
);
    wire [9:0] t_ticks;

    tick_timer u_timer (.clk(clk), .rst(rst), .run(run), .ticks(t_ticks), .tick_half(half));

    assign expired = (t_ticks >= limit);
endmodule
