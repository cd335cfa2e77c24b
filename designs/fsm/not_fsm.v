// Things that look like FSMs but are not extracted: a wide counter named like a state and a
// next-state variable that is a latch.
module not_fsm (
    input  wire       clk,
    input  wire       rst,
    input  wire       go,
    output wire [9:0] count
);
    localparam IDLE = 1'b0, RUN = 1'b1;
    reg [9:0] cnt_state;
    always @(posedge clk)
        if (rst) cnt_state <= 10'd0;
        else     cnt_state <= cnt_state + 10'd1;
    assign count = cnt_state;

    reg state, next_state;
    always @(posedge clk)
        if (rst) state <= IDLE; else state <= next_state;
    always @(*) begin
        case (state)
            IDLE: if (go) next_state = RUN;
            RUN:  next_state = IDLE;
        endcase
    end
endmodule
