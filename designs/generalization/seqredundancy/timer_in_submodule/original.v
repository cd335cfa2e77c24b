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
    reg  [9:0] elapsed;

    tick_timer u_timer (.clk(clk), .rst(rst), .run(run), .ticks(t_ticks), .tick_half(half));

    // local elapsed-time counter (same as the timer's)
    always @(posedge clk) begin
        if (rst)
            elapsed <= 10'd0;
        else if (run)
            elapsed <= elapsed + 1'b1;
    end

    assign expired = (elapsed >= limit);
endmodule
