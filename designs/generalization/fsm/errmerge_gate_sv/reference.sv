// Reference: REJECT and EXPIRED show the same lamp and leave on the same button: one STOP
// state (five states, 3-bit binary). The wait counter only reaches WAIT = 150 (8 bits) before
// the machine leaves ARMED; 'rejects' is only compared with '> 3', so it saturates at 4 (3 bits).
module turnstile (
    input  logic       clk,
    input  logic       arst_n,
    input  logic       badge_v,
    input  logic [7:0] badge_site,
    input  logic       push,
    input  logic       reset_btn,
    input  logic       guard_key,
    output logic       green,
    output logic       red,
    output logic       alarm
);
    localparam logic [7:0] SITE = 8'h17;
    typedef enum logic [2:0] {READY, ARMED, PASS, STOP, ALARM} gate_t;

    gate_t      cur, nxt;
    logic [7:0] wait_cnt;
    logic [2:0] rejects;

    always_comb begin
        nxt = cur;
        unique case (cur)
            READY:   if (badge_v) begin
                         if (badge_site != SITE)   nxt = rejects[2] ? ALARM : STOP;
                         else                      nxt = ARMED;
                     end
            ARMED:   if (push)                     nxt = PASS;
                     else if (wait_cnt == 8'd150)  nxt = STOP;
            PASS:    if (!push)                    nxt = READY;
            STOP:    if (reset_btn)                nxt = READY;
            ALARM:   if (guard_key)                nxt = READY;
            default:                               nxt = READY;
        endcase
    end

    always_ff @(posedge clk or negedge arst_n) begin
        if (!arst_n) begin
            cur      <= READY;
            wait_cnt <= '0;
            rejects  <= '0;
        end else begin
            cur <= nxt;
            if (cur == ARMED) wait_cnt <= wait_cnt + 8'd1;
            else              wait_cnt <= '0;
            if (cur == READY && badge_v && badge_site != SITE) rejects <= rejects[2] ? rejects : rejects + 3'd1;
            else if (nxt == PASS || guard_key)                 rejects <= '0;
        end
    end

    always_comb begin
        green = (cur == PASS);
        red   = (cur == STOP);
        alarm = (cur == ALARM);
    end
endmodule
