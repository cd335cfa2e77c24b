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

    assign grant = (state == XFER);
    assign busy  = (state != IDLE);
    assign phase = state;
endmodule
