// SystemVerilog enum FSM: always_ff / always_comb, unique case. DATA0 and DATA1 are equivalent.
module fsm_enum (
    input  logic clk,
    input  logic rst_n,
    input  logic valid,
    input  logic last,
    output logic ready,
    output logic flush
);
    typedef enum logic [2:0] {IDLE, HEAD, DATA0, DATA1, TAIL} state_t;
    state_t state, state_next;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) state <= IDLE;
        else        state <= state_next;
    end

    always_comb begin
        state_next = state;
        ready = 1'b0;
        flush = 1'b0;
        unique case (state)
            IDLE:  if (valid) state_next = HEAD;
            HEAD:  begin ready = 1'b1; state_next = last ? TAIL : DATA0; end
            DATA0: begin ready = 1'b1; if (last) state_next = TAIL; else if (valid) state_next = DATA1; end
            DATA1: begin ready = 1'b1; if (last) state_next = TAIL; else if (valid) state_next = DATA0; end
            TAIL:  begin flush = 1'b1; state_next = IDLE; end
            default: state_next = IDLE;
        endcase
    end
endmodule
