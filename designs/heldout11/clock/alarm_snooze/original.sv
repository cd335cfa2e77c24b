// Bedside alarm clock ringing / snooze control. The buzzer and the snooze LED
// are registered outputs; ringing gives up after RING_MAX minutes and the
// snooze lasts SNZ minutes. Each phase has its own minute timer.
module alarm_ctrl #(
    parameter int SNZ      = 9,
    parameter int RING_MAX = 60
) (
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
    st_t         st;
    logic [15:0] ring_t, snz_t;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st         <= IDLE;
            ring_t     <= '0;
            snz_t      <= '0;
            buzz       <= 1'b0;
            snooze_led <= 1'b0;
        end else begin
            case (st)
                IDLE: if (alarm_match) begin
                    st     <= RING;
                    ring_t <= '0;
                    buzz   <= 1'b1;
                end
                RING: if (off_btn) begin
                    st   <= IDLE;
                    buzz <= 1'b0;
                end else if (snooze_btn) begin
                    st         <= SNOOZE;
                    snz_t      <= '0;
                    buzz       <= 1'b0;
                    snooze_led <= 1'b1;
                end else if (min_tick) begin
                    if (ring_t == 16'(RING_MAX - 1)) begin
                        st   <= IDLE;
                        buzz <= 1'b0;
                    end else begin
                        ring_t <= ring_t + 1'b1;
                    end
                end
                SNOOZE: if (off_btn) begin
                    st         <= IDLE;
                    snooze_led <= 1'b0;
                end else if (min_tick) begin
                    if (snz_t == 16'(SNZ - 1)) begin
                        st         <= RING;
                        ring_t     <= '0;
                        buzz       <= 1'b1;
                        snooze_led <= 1'b0;
                    end else begin
                        snz_t <= snz_t + 1'b1;
                    end
                end
                default: st <= IDLE;
            endcase
        end
    end
endmodule

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
    alarm_ctrl #(.SNZ(7), .RING_MAX(20)) u_alarm (.*);
endmodule
