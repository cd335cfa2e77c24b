// HD44780 character LCD 4-bit power-on initialisation: wait after power-up,
// then three "function set" nibbles (0x3) separated by the datasheet delays.
module lcd_init #(
    parameter int T_PWR   = 750000,   // 15 ms at 50 MHz
    parameter int T_LONG  = 205000,   // 4.1 ms
    parameter int T_SHORT = 5000      // 100 us
) (
    input  logic       clk,
    input  logic       rst_n,
    output logic       lcd_e,
    output logic [3:0] lcd_d,
    output logic       ready
);
    typedef enum logic [2:0] {
        S_PWR, S_CMD1, S_W1, S_CMD2, S_W2, S_CMD3, S_W3, S_RUN
    } state_t;

    state_t      state;
    // the waits never overlap: one timer, cleared whenever the state changes
    logic [$clog2(T_PWR)-1:0] t;
    state_t nxt;

    always_comb begin
        nxt = state;
        unique case (state)
            S_PWR:  if (t == T_PWR - 1)   nxt = S_CMD1;
            S_CMD1: nxt = S_W1;
            S_W1:   if (t == T_LONG - 1)  nxt = S_CMD2;
            S_CMD2: nxt = S_W2;
            S_W2:   if (t == T_SHORT - 1) nxt = S_CMD3;
            S_CMD3: nxt = S_W3;
            S_W3:   if (t == T_SHORT - 1) nxt = S_RUN;
            S_RUN:  ;
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state <= S_PWR;
            t     <= '0;
        end else begin
            state <= nxt;
            if (nxt != state)
                t <= '0;
            else
                t <= t + 1'b1;
        end
    end

    always_comb begin
        lcd_e = (state == S_CMD1) || (state == S_CMD2) || (state == S_CMD3);
        lcd_d = 4'h3;
        ready = (state == S_RUN);
    end
endmodule

module lcd_top (
    input  logic       clk,
    input  logic       rst_n,
    output logic       lcd_e,
    output logic [3:0] lcd_d,
    output logic       ready
);
    lcd_init #(.T_PWR(60), .T_LONG(17), .T_SHORT(5)) u_init (.*);
endmodule
