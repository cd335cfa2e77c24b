// Hardware time-slice scheduler for a 4-context barrel core: the running
// context is pre-empted after QUANTUM cycles (or earlier when it yields).
// Each context slot has its own quantum counter, held at zero while the slot
// is not running.
module slot_quantum #(
    parameter QUANTUM = 1000
) (
    input  wire clk,
    input  wire rst_n,
    input  wire running,
    output wire expire
);
    reg [15:0] used;

    assign expire = running && (used == QUANTUM - 1);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)                 used <= 16'd0;
        else if (!running || expire) used <= 16'd0;
        else                        used <= used + 1'b1;
    end
endmodule

module timeslice #(
    parameter QUANTUM = 1000
) (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [3:0] ready,       // contexts able to run
    input  wire       yield,       // running context gives up its slice
    output reg  [1:0] cur,         // running context
    output reg        active       // some context is running
);
    wire [3:0] exp;
    genvar g;
    generate
        for (g = 0; g < 4; g = g + 1) begin : g_slot
            slot_quantum #(.QUANTUM(QUANTUM)) u_q (
                .clk(clk), .rst_n(rst_n), .running(active && cur == g), .expire(exp[g]));
        end
    endgenerate

    // next ready context after cur, round robin
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
        end else if (!active || yield || (|exp)) begin
            active <= any;
            if (any) cur <= nxt;
        end
    end
endmodule

module sched_top (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [3:0] ready,
    input  wire       yield,
    output wire [1:0] cur,
    output wire       active
);
    timeslice #(.QUANTUM(50)) u_ts (.clk(clk), .rst_n(rst_n), .ready(ready), .yield(yield),
                                    .cur(cur), .active(active));
endmodule
