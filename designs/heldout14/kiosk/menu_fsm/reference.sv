// Ticket kiosk UI sequencer, hand-optimized: the two payment states behave
// the same (merged), the screen number is the state code itself (no
// register), and the message timer is sized from MSG_T.
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
    localparam int CW = (MSG_T > 1) ? $clog2(MSG_T) : 1;

    typedef enum logic [2:0] {
        S_IDLE   = 3'd0,
        S_PICK   = 3'd1,
        S_PAY    = 3'd2,
        S_PRINT  = 3'd3,
        S_THANKS = 3'd4
    } state_t;

    state_t        st, st_n;
    logic [CW-1:0] msg_tmr;

    always_comb begin
        st_n = st;
        unique case (st)
            S_IDLE:   if (touch) st_n = S_PICK;
            S_PICK:   if (back) st_n = S_IDLE;
                      else if (sel_card || sel_cash) st_n = S_PAY;
            S_PAY:    if (cancel) st_n = S_IDLE;
                      else if (paid) st_n = S_PRINT;
            S_PRINT:  if (print_done) st_n = S_THANKS;
            S_THANKS: if (msg_tmr == CW'(MSG_T - 1)) st_n = S_IDLE;
            default:  st_n = S_IDLE;
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st      <= S_IDLE;
            msg_tmr <= '0;
        end else begin
            st      <= st_n;
            msg_tmr <= (st == S_THANKS) ? msg_tmr + 1'b1 : '0;
        end
    end

    assign screen   = st;
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
