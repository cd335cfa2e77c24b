// Reference: every zone is armed, disarmed and counted down by the same
// commands and ticks, so the armed flags and exit-delay timers are identical;
// one armed flag and one timer in the panel serve all four zones.
module alarm_panel (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       tick,
    input  logic       arm,
    input  logic       disarm,
    input  logic [3:0] sensor,
    output logic [3:0] zone_alarm,
    output logic       siren
);
    logic        armed;
    logic [15:0] exit_t;
    logic        live;

    assign live = armed && (exit_t == '0);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            armed      <= 1'b0;
            exit_t     <= '0;
            zone_alarm <= '0;
        end else if (disarm) begin
            armed      <= 1'b0;
            exit_t     <= '0;
            zone_alarm <= '0;
        end else begin
            if (arm && !armed) begin
                armed  <= 1'b1;
                exit_t <= 16'd45;
            end else if (tick && exit_t != '0) begin
                exit_t <= exit_t - 1'b1;
            end
            if (live) zone_alarm <= zone_alarm | sensor;
        end
    end
    assign siren = |zone_alarm;
endmodule
