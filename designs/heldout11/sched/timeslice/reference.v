// Reference: only the running slot's quantum counter is ever non-zero and it
// starts from zero whenever a slot starts running, so one counter, cleared on
// every scheduling decision, serves all four slots.
module sched_top (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [3:0] ready,
    input  wire       yield,
    output reg  [1:0] cur,
    output reg        active
);
    reg [15:0] used;
    wire       expire = active && (used == 16'd49);
    wire       resched = !active || yield || expire;

    reg [1:0] nxt;
    reg       any;
    integer   k;
    always @(*) begin
        nxt = cur;
        any = 1'b0;
        for (k = 3; k >= 0; k = k - 1)
            if (ready[(cur + 1 + k) % 4]) begin
                nxt = (cur + 1 + k) % 4;
                any = 1'b1;
            end
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cur    <= 2'd0;
            active <= 1'b0;
        end else if (resched) begin
            active <= any;
            if (any) cur <= nxt;
        end
    end

    // the counter always equals the running slot's counter of the original:
    // it restarts only when the slice expires or another context is picked
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)                               used <= 16'd0;
        else if (!active || expire)               used <= 16'd0;
        else if (yield && any && nxt != cur)      used <= 16'd0;
        else                                      used <= used + 1'b1;
    end
endmodule
