// Two-process Moore FSM: state register with asynchronous active-low reset, one combinational
// block for next state and outputs with defaults. B1 and B2 are equivalent (5 -> 4 states).
module fsm_two_process (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       a,
    input  wire       b,
    output reg  [1:0] mode
);
    parameter S_IDLE = 3'b000, S_A = 3'b001, S_B1 = 3'b010, S_B2 = 3'b011, S_END = 3'b100;
    reg [2:0] cur, nxt;

    always @(posedge clk or negedge rst_n)
        if (!rst_n) cur <= S_IDLE;
        else        cur <= nxt;

    always @(*) begin
        nxt  = cur;
        mode = 2'b00;
        case (cur)
            S_IDLE: if (a) nxt = S_A;
            S_A: begin
                mode = 2'b01;
                if (b) nxt = S_B1;
                else if (!a) nxt = S_B2;
            end
            S_B1: begin
                mode = 2'b10;
                if (a && b) nxt = S_END;
            end
            S_B2: begin
                mode = 2'b10;
                if (a && b) nxt = S_END;
            end
            S_END: begin
                mode = 2'b11;
                nxt  = S_IDLE;
            end
            default: nxt = S_IDLE;
        endcase
    end
endmodule
