// LED scanner: the LED vector is the position (always 1 << pos), so the end
// tests read its end bits; pause timer sized from PAUSE_T.
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
    localparam int PW = $clog2(PAUSE_T);

    st_t           st, st_n;
    logic [PW-1:0] pt;

    always_ff @(posedge clk) begin
        if (rst) st <= UP;
        else     st <= st_n;
    end

    always_comb begin
        st_n = st;
        case (st)
            UP:      if (step && leds[N-1])          st_n = HOLD;
            HOLD:    if (pt == PW'(PAUSE_T - 1))     st_n = DOWN;
            DOWN:    if (step && leds[0])            st_n = UP;
            default:                                 st_n = UP;
        endcase
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            leds <= N'(1);
            pt   <= '0;
        end else begin
            pt <= '0;
            case (st)
                UP:   if (step && !leds[N-1]) leds <= leds << 1;
                DOWN: if (step && !leds[0])   leds <= leds >> 1;
                HOLD: pt <= pt + 1'b1;
                default: ;
            endcase
        end
    end

    assign at_top = leds[N-1];
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
