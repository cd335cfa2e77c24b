// "Knight rider" LED scanner: the lit LED walks up, pauses at the top, walks
// back down.  Three-process FSM with explicit state codes.
module led_scanner #(
    parameter int N       = 8,
    parameter int PAUSE_T = 100,
    parameter int TW      = 16
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         step,
    output logic [N-1:0] leds,
    output logic         at_top
);
    typedef enum logic [1:0] {UP = 2'b01, HOLD = 2'b11, DOWN = 2'b10} st_t;

    st_t                  st, st_n;
    logic [$clog2(N)-1:0] pos;
    logic [TW-1:0]        pt;

    // 1: state register
    always_ff @(posedge clk) begin
        if (rst) st <= UP;
        else     st <= st_n;
    end

    // 2: next state
    always_comb begin
        st_n = st;
        case (st)
            UP:      if (step && pos == N-1)         st_n = HOLD;
            HOLD:    if (pt == TW'(PAUSE_T - 1))     st_n = DOWN;
            DOWN:    if (step && pos == 0)           st_n = UP;
            default:                                 st_n = UP;
        endcase
    end

    // 3: position, LED vector and pause timer
    always_ff @(posedge clk) begin
        if (rst) begin
            pos  <= '0;
            leds <= N'(1);
            pt   <= '0;
        end else begin
            pt <= '0;
            case (st)
                UP:   if (step && pos != N-1) begin
                          pos  <= pos + 1'b1;
                          leds <= leds << 1;
                      end
                DOWN: if (step && pos != 0) begin
                          pos  <= pos - 1'b1;
                          leds <= leds >> 1;
                      end
                HOLD: pt <= pt + 1'b1;
                default: ;
            endcase
        end
    end

    assign at_top = (pos == N-1);
endmodule

module panel_leds (
    input  logic        clk,
    input  logic        rst,
    input  logic        step,
    output logic [11:0] leds,
    output logic        at_top
);
    led_scanner #(.N(12), .PAUSE_T(12)) u_scan (.*);
endmodule
