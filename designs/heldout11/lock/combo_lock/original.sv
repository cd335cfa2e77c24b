// Keypad combination lock: four digits, a wrong digit or an inactivity
// timeout shows the error LED until the user presses CLEAR; three wrong codes
// lock the keypad out until the supervisor key is used.
module combo_lock #(
    parameter logic [3:0] C0 = 4'd1,
    parameter logic [3:0] C1 = 4'd2,
    parameter logic [3:0] C2 = 4'd3,
    parameter logic [3:0] C3 = 4'd4,
    parameter int         TMO = 1000   // inactivity timeout in clocks
) (
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
    typedef enum logic [7:0] {
        IDLE    = 8'b0000_0001,
        GOT1    = 8'b0000_0010,
        GOT2    = 8'b0000_0100,
        GOT3    = 8'b0000_1000,
        OPEN    = 8'b0001_0000,
        BAD     = 8'b0010_0000,   // wrong digit
        TIMEOUT = 8'b0100_0000,   // user walked away mid-code
        LOCKED  = 8'b1000_0000
    } state_t;

    state_t      state, nstate;
    logic [15:0] idle_t;
    logic [7:0]  fails;
    logic        tmo;
    logic        wrong;

    assign tmo = (idle_t == 16'(TMO));

    always_comb begin
        nstate = state;
        wrong  = 1'b0;
        unique case (state)
            IDLE: if (key_v) begin
                if (key == C0) nstate = GOT1; else wrong = 1'b1;
            end
            GOT1: if (key_v) begin
                if (key == C1) nstate = GOT2; else wrong = 1'b1;
            end else if (tmo) nstate = TIMEOUT;
            GOT2: if (key_v) begin
                if (key == C2) nstate = GOT3; else wrong = 1'b1;
            end else if (tmo) nstate = TIMEOUT;
            GOT3: if (key_v) begin
                if (key == C3) nstate = OPEN; else wrong = 1'b1;
            end else if (tmo) nstate = TIMEOUT;
            OPEN:    if (relock) nstate = IDLE;
            BAD:     if (clear) nstate = IDLE;
            TIMEOUT: if (clear) nstate = IDLE;
            LOCKED:  if (supervisor) nstate = IDLE;
            default: nstate = IDLE;
        endcase
        if (wrong) begin
            if (fails >= 8'd2) nstate = LOCKED;
            else               nstate = BAD;
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state  <= IDLE;
            idle_t <= '0;
            fails  <= '0;
        end else begin
            state <= nstate;
            if (key_v || nstate != state || idle_t == 16'(TMO)) idle_t <= '0;
            else                                              idle_t <= idle_t + 1'b1;
            if (nstate == OPEN || (state == LOCKED && supervisor)) fails <= '0;
            else if (wrong)                                        fails <= fails + 1'b1;
        end
    end

    assign unlock  = (state == OPEN);
    assign err_led = (state == BAD) || (state == TIMEOUT);
    assign lockout = (state == LOCKED);
endmodule

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
    combo_lock #(.C0(4'd7), .C1(4'd3), .C2(4'd9), .C3(4'd0), .TMO(200)) u_lock (.*);
endmodule
