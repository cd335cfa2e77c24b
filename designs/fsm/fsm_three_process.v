// Three-process FSM: state register, next-state logic, and a registered output decoded from the
// next state (same clock and reset). Q1 and Q2 are equivalent (5 -> 4 states).
module fsm_three_process (
    input  wire clk,
    input  wire reset,
    input  wire go,
    input  wire halt,
    output reg  active
);
    localparam [2:0] IDLE = 3'd0, Q1 = 3'd1, Q2 = 3'd2, FIN = 3'd3, HOLD = 3'd4;
    reg [2:0] state, next_state;

    always @(posedge clk or posedge reset) begin
        if (reset) state <= IDLE;
        else       state <= next_state;
    end

    always @(*) begin
        next_state = state;
        case (state)
            IDLE: next_state = go ? Q1 : IDLE;
            Q1:   next_state = halt ? HOLD : (go ? Q2 : FIN);
            Q2:   next_state = halt ? HOLD : (go ? Q1 : FIN);
            HOLD: if (!halt) next_state = FIN;
            FIN:  next_state = IDLE;
            default: next_state = IDLE;
        endcase
    end

    always @(posedge clk or posedge reset) begin
        if (reset) active <= 1'b0;
        else case (next_state)
            Q1, Q2, HOLD: active <= 1'b1;
            default:      active <= 1'b0;
        endcase
    end
endmodule
