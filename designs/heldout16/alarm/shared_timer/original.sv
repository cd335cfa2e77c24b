// Intruder alarm panel controller: exit delay after arming, entry delay
// when a door opens, siren cut-off after a fixed time.
module sec_prescale #(
    parameter int DIV = 1000
) (
    input  logic clk,
    input  logic rst,
    output logic tick
);
    logic [$clog2(DIV)-1:0] c;
    always_ff @(posedge clk)
        if (rst || c == DIV-1) c <= '0;
        else                   c <= c + 1'b1;
    assign tick = (c == DIV-1);
endmodule

module alarm_ctl #(
    parameter int EXIT_T  = 60,
    parameter int ENTRY_T = 30,
    parameter int SIREN_T = 300,
    parameter int TW      = 16
) (
    input  logic clk,
    input  logic rst,
    input  logic tick,
    input  logic arm,
    input  logic disarm,
    input  logic door,
    input  logic motion,
    output logic siren,
    output logic chirp,
    output logic armed_led
);
    typedef enum logic [2:0] {DISARMED, EXIT_DLY, ARMED, ENTRY_DLY, ALARM} st_t;
    st_t state, nxt;
    logic [TW-1:0] exit_t, entry_t, siren_t;

    always_ff @(posedge clk)
        if (rst) state <= DISARMED;
        else     state <= nxt;

    always_comb begin
        nxt = state;
        unique case (state)
            DISARMED:  if (arm) nxt = EXIT_DLY;
            EXIT_DLY:  if (disarm) nxt = DISARMED;
                       else if (tick && exit_t == EXIT_T-1) nxt = ARMED;
            ARMED:     if (disarm) nxt = DISARMED;
                       else if (door) nxt = ENTRY_DLY;
                       else if (motion) nxt = ALARM;
            ENTRY_DLY: if (disarm) nxt = DISARMED;
                       else if (tick && entry_t == ENTRY_T-1) nxt = ALARM;
            ALARM:     if (disarm) nxt = DISARMED;
                       else if (tick && siren_t == SIREN_T-1) nxt = ARMED;
        endcase
    end

    // one timer per timed state
    always_ff @(posedge clk)
        if (rst || state != EXIT_DLY) exit_t <= '0;
        else if (tick)                exit_t <= exit_t + 1'b1;

    always_ff @(posedge clk)
        if (rst || state != ENTRY_DLY) entry_t <= '0;
        else if (tick)                 entry_t <= entry_t + 1'b1;

    always_ff @(posedge clk)
        if (rst || state != ALARM) siren_t <= '0;
        else if (tick)             siren_t <= siren_t + 1'b1;

    assign siren     = (state == ALARM);
    assign chirp     = (state == EXIT_DLY) || (state == ENTRY_DLY);
    assign armed_led = (state != DISARMED);
endmodule

module alarm_panel (
    input  logic clk,
    input  logic rst,
    input  logic arm,
    input  logic disarm,
    input  logic door,
    input  logic motion,
    output logic siren,
    output logic chirp,
    output logic armed_led
);
    logic tick;
    sec_prescale #(.DIV(5)) u_pre (.clk, .rst, .tick);
    alarm_ctl #(.EXIT_T(30), .ENTRY_T(15), .SIREN_T(90), .TW(8)) u_ctl (.*);
endmodule
