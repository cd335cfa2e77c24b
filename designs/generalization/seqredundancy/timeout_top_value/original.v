// Watchdog: 'expired' once 750 cycles pass without a kick; the counter stops at its limit.
module wdog_hold (
    input  wire clk,
    input  wire rst,
    input  wire kick,
    output wire expired
);
    localparam [15:0] LIMIT = 16'd750;
    reg  [15:0] cnt;
    reg         expired_q;
    wire [15:0] cnt_nx = kick ? 16'd0 : (cnt < LIMIT) ? cnt + 16'd1 : cnt;
    always @(posedge clk) begin
        if (rst) begin
            cnt       <= 16'd0;
            expired_q <= 1'b0;
        end else begin
            cnt       <= cnt_nx;
            expired_q <= (cnt_nx >= LIMIT);
        end
    end
    assign expired = expired_q;
endmodule
