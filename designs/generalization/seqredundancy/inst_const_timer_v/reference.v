// Reference: both channels' relock timers are equal in every state; one
// 6-bit timer in the parent serves both doors.
module door_pair (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    input  wire       unlock,
    input  wire       lock,
    input  wire [1:0] ajar,
    output wire [1:0] strike,
    output reg  [1:0] alarm
);
    reg [5:0] relock_t;
    wire      open_w = (relock_t != 6'd0);

    always @(posedge clk) begin
        if (rst)                 relock_t <= 6'd0;
        else if (lock)           relock_t <= 6'd0;
        else if (unlock)         relock_t <= 6'd37;
        else if (tick && open_w) relock_t <= relock_t - 6'd1;
    end

    always @(posedge clk) begin
        if (rst)        alarm <= 2'b00;
        else if (open_w) alarm <= 2'b00;
        else            alarm <= alarm | ajar;
    end

    assign strike = {~open_w, open_w};
endmodule
