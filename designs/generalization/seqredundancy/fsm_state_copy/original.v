module fsm_state_copy (
    input        clk,
    input        rst,
    input        req,
    input        ack,
    input        abort,
    output       grant,
    output       busy,
    output [1:0] phase
);
    localparam IDLE = 2'd0, ARB = 2'd1, XFER = 2'd2, DONE = 2'd3;
    reg [1:0] state, state_d;
    reg [1:0] state_copy;

    always @(*) begin
        state_d = state;
        case (state)
            IDLE: if (req) state_d = ARB;
            ARB:  state_d = abort ? IDLE : XFER;
            XFER: if (abort) state_d = IDLE; else if (ack) state_d = DONE;
            DONE: state_d = IDLE;
        endcase
    end

    always @(posedge clk) state <= rst ? IDLE : state_d;

    // copy kept for the output decoder
    always @(posedge clk) begin
        if (rst) state_copy <= IDLE;
        else case (state_copy)
            IDLE: state_copy <= req ? ARB : IDLE;
            ARB:  state_copy <= abort ? IDLE : XFER;
            XFER: state_copy <= abort ? IDLE : (ack ? DONE : XFER);
            default: state_copy <= IDLE;
        endcase
    end

    assign grant = (state_copy == XFER);
    assign busy  = (state != IDLE);
    assign phase = state_copy;
endmodule
