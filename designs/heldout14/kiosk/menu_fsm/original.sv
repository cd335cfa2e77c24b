// Ticket kiosk UI sequencer. Two-process enum FSM; the screen number shown
// by the display controller is registered from the next state.
module kiosk_fsm #(
    parameter int MSG_T = 250,
    parameter int MW    = 16
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       touch,
    input  logic       sel_card,
    input  logic       sel_cash,
    input  logic       back,
    input  logic       paid,
    input  logic       cancel,
    input  logic       print_done,
    output logic       print_go,
    output logic [2:0] screen
);
    typedef enum logic [2:0] {
        S_IDLE,
        S_PICK,
        S_PAY_CARD,
        S_PAY_CASH,
        S_PRINT,
        S_THANKS
    } state_t;

    state_t        st, st_n;
    logic [MW-1:0] msg_tmr;

    always_comb begin
        st_n = st;
        unique case (st)
            S_IDLE:     if (touch) st_n = S_PICK;
            S_PICK:     if (back) st_n = S_IDLE;
                        else if (sel_card) st_n = S_PAY_CARD;
                        else if (sel_cash) st_n = S_PAY_CASH;
            S_PAY_CARD: if (cancel) st_n = S_IDLE;
                        else if (paid) st_n = S_PRINT;
            S_PAY_CASH: if (cancel) st_n = S_IDLE;
                        else if (paid) st_n = S_PRINT;
            S_PRINT:    if (print_done) st_n = S_THANKS;
            S_THANKS:   if (msg_tmr == MW'(MSG_T - 1)) st_n = S_IDLE;
            default:    st_n = S_IDLE;
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st      <= S_IDLE;
            msg_tmr <= '0;
            screen  <= 3'd0;
        end else begin
            st      <= st_n;
            msg_tmr <= (st == S_THANKS) ? msg_tmr + 1'b1 : '0;
            unique case (st_n)
                S_IDLE:                 screen <= 3'd0;
                S_PICK:                 screen <= 3'd1;
                S_PAY_CARD, S_PAY_CASH: screen <= 3'd2;
                S_PRINT:                screen <= 3'd3;
                S_THANKS:               screen <= 3'd4;
                default:                screen <= 3'd0;
            endcase
        end
    end

    assign print_go = (st == S_PRINT);
endmodule

module ticket_kiosk (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       touch,
    input  logic       sel_card,
    input  logic       sel_cash,
    input  logic       back,
    input  logic       paid,
    input  logic       cancel,
    input  logic       print_done,
    output logic       print_go,
    output logic [2:0] screen
);
    kiosk_fsm #(.MSG_T(25)) u_fsm (
        .clk, .rst_n, .touch, .sel_card, .sel_cash, .back, .paid, .cancel, .print_done,
        .print_go, .screen
    );
endmodule
