// Intruder-alarm panel: each detection zone is a board with its own arming
// logic (armed flag and exit-delay timer started by the keypad "arm" command)
// so that zones can later be armed separately. The panel sounds the siren when
// any armed zone trips after its exit delay.
module zone_unit #(
    parameter int EXIT_T = 30000   // exit delay in ticks
) (
    input  logic clk,
    input  logic rst_n,
    input  logic tick,
    input  logic arm,
    input  logic disarm,
    input  logic sensor,
    output logic alarm
);
    logic        armed;
    logic [15:0] exit_t;
    logic        live;

    assign live = armed && (exit_t == '0);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            armed  <= 1'b0;
            exit_t <= '0;
            alarm  <= 1'b0;
        end else if (disarm) begin
            armed  <= 1'b0;
            exit_t <= '0;
            alarm  <= 1'b0;
        end else begin
            if (arm && !armed) begin
                armed  <= 1'b1;
                exit_t <= 16'(EXIT_T);
            end else if (tick && exit_t != '0) begin
                exit_t <= exit_t - 1'b1;
            end
            if (live && sensor) alarm <= 1'b1;
        end
    end
endmodule

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
    for (genvar z = 0; z < 4; z++) begin : g_zone
        zone_unit #(.EXIT_T(45)) u_zone (
            .clk, .rst_n, .tick, .arm, .disarm,
            .sensor(sensor[z]), .alarm(zone_alarm[z]));
    end
    assign siren = |zone_alarm;
endmodule
