// Reference: buzz and snooze_led always equal state == RING / SNOOZE; the ring
// and snooze timers live in different states and are both cleared on entry, so
// one 5-bit timer (RING_MAX = 20) serves both.
module bedside (
    input  logic clk,
    input  logic rst_n,
    input  logic min_tick,
    input  logic alarm_match,
    input  logic snooze_btn,
    input  logic off_btn,
    output logic buzz,
    output logic snooze_led
);
    typedef enum logic [1:0] {IDLE, RING, SNOOZE} st_t;
    st_t        st;
    logic [4:0] t;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st <= IDLE;
            t  <= '0;
        end else begin
            case (st)
                IDLE: if (alarm_match) begin
                    st <= RING;
                    t  <= '0;
                end
                RING: if (off_btn) begin
                    st <= IDLE;
                end else if (snooze_btn) begin
                    st <= SNOOZE;
                    t  <= '0;
                end else if (min_tick) begin
                    if (t == 5'd19) st <= IDLE;
                    else            t  <= t + 1'b1;
                end
                SNOOZE: if (off_btn) begin
                    st <= IDLE;
                end else if (min_tick) begin
                    if (t == 5'd6) begin
                        st <= RING;
                        t  <= '0;
                    end else begin
                        t <= t + 1'b1;
                    end
                end
                default: st <= IDLE;
            endcase
        end
    end

    assign buzz       = (st == RING);
    assign snooze_led = (st == SNOOZE);
endmodule
