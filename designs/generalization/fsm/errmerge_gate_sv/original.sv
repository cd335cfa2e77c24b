// Badge reader for a turnstile (SV, two-process enum FSM, async reset): a bad
// badge (REJECT) and a badge that is not followed by a push in time (EXPIRED)
// show the same red lamp and both clear on 'reset_btn'; five rejects in a row
// raise 'alarm' until a guard key. The top sets the timeout in hex.
module badge_gate #(
    parameter int unsigned WAIT = 5000,
    parameter logic [7:0]  SITE = 8'h2A
) (
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
    typedef enum logic [2:0] {READY, ARMED, PASS, REJECT, EXPIRED, ALARM} gate_t;

    gate_t       cur, nxt;
    logic [15:0] wait_cnt;
    logic [7:0]  rejects;

    always_comb begin
        nxt = cur;
        unique case (cur)
            READY:   if (badge_v) begin
                         if (badge_site != SITE)   nxt = (rejects > 8'd3) ? ALARM : REJECT;
                         else                      nxt = ARMED;
                     end
            ARMED:   if (push)                     nxt = PASS;
                     else if (wait_cnt == 16'(WAIT)) nxt = EXPIRED;
            PASS:    if (!push)                    nxt = READY;
            REJECT:  if (reset_btn)                nxt = READY;
            EXPIRED: if (reset_btn)                nxt = READY;
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
            if (cur == ARMED) wait_cnt <= wait_cnt + 16'd1;
            else              wait_cnt <= '0;
            if (cur == READY && badge_v && badge_site != SITE) rejects <= rejects + 8'd1;
            else if (nxt == PASS || guard_key)                 rejects <= '0;
        end
    end

    always_comb begin
        green = (cur == PASS);
        red   = (cur == REJECT) || (cur == EXPIRED);
        alarm = (cur == ALARM);
    end
endmodule

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
    badge_gate #(.WAIT(16'h0096), .SITE(8'h17)) u_gate (.*);
endmodule
