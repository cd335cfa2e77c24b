// Kiln firing cycle: on 'start' the ramp, soak and cool phases follow each other with fixed
// durations. Two-process enum machine; the phase counter is a separate always_ff cleared whenever the
// next state differs from the current one; heater and vent decoded from the state.
module kiln_ctl #(parameter int T_RAMP = 9, parameter int T_SOAK = 21, parameter int T_COOL = 5) (
    input  logic clk,
    input  logic rst,
    input  logic start,
    output logic heat,
    output logic vent,
    output logic [1:0] phase
);
    typedef enum logic [1:0] {IDLE, RAMP, SOAK, COOL} st_t;
    st_t st, nx;
    logic [4:0] n;
    always_comb begin
        nx = st;
        case (st)
            IDLE: if (start) nx = RAMP;
            RAMP: if (n == 5'(T_RAMP - 1)) nx = SOAK;
            SOAK: if (n == 5'(T_SOAK - 1)) nx = COOL;
            COOL: if (n == 5'(T_COOL - 1)) nx = IDLE;
            default: nx = IDLE;
        endcase
    end
    always_ff @(posedge clk) begin
        if (rst) st <= IDLE;
        else     st <= nx;
    end
    always_ff @(posedge clk) begin
        if (rst || nx != st) n <= '0;
        else if (st != IDLE) n <= n + 5'd1;
    end
    assign heat  = (st == RAMP) || (st == SOAK);
    assign vent  = (st == COOL);
    assign phase = st;
endmodule
