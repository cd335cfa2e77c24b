// Reference: BAD and TIMEOUT have the same output and exits, so they merge into
// one ERR state; the seven states use a 3-bit binary code. The fail counter only
// reaches 3 (2 bits) and the inactivity timer only reaches TMO = 200 (8 bits).
module door_ctrl (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       key_v,
    input  logic [3:0] key,
    input  logic       clear,
    input  logic       relock,
    input  logic       supervisor,
    output logic       unlock,
    output logic       err_led,
    output logic       lockout
);
    localparam logic [3:0] C0 = 4'd7, C1 = 4'd3, C2 = 4'd9, C3 = 4'd0;
    localparam int TMO = 200;
    typedef enum logic [2:0] {IDLE, GOT1, GOT2, GOT3, OPEN, ERR, LOCKED} state_t;

    state_t     state, nstate;
    logic [7:0] idle_t;
    logic [1:0] fails;
    logic       tmo, wrong;

    assign tmo = (idle_t == 8'(TMO));

    always_comb begin
        nstate = state;
        wrong  = 1'b0;
        case (state)
            IDLE: if (key_v) begin
                if (key == C0) nstate = GOT1; else wrong = 1'b1;
            end
            GOT1: if (key_v) begin
                if (key == C1) nstate = GOT2; else wrong = 1'b1;
            end else if (tmo) nstate = ERR;
            GOT2: if (key_v) begin
                if (key == C2) nstate = GOT3; else wrong = 1'b1;
            end else if (tmo) nstate = ERR;
            GOT3: if (key_v) begin
                if (key == C3) nstate = OPEN; else wrong = 1'b1;
            end else if (tmo) nstate = ERR;
            OPEN:    if (relock) nstate = IDLE;
            ERR:     if (clear) nstate = IDLE;
            LOCKED:  if (supervisor) nstate = IDLE;
            default: nstate = IDLE;
        endcase
        if (wrong) begin
            if (fails[1]) nstate = LOCKED;
            else          nstate = ERR;
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state  <= IDLE;
            idle_t <= '0;
            fails  <= '0;
        end else begin
            state <= nstate;
            if (key_v || nstate != state || tmo) idle_t <= '0;
            else                                 idle_t <= idle_t + 1'b1;
            if (nstate == OPEN || (state == LOCKED && supervisor)) fails <= '0;
            else if (wrong)                                        fails <= fails + 1'b1;
        end
    end

    assign unlock  = (state == OPEN);
    assign err_led = (state == ERR);
    assign lockout = (state == LOCKED);
endmodule
