// Countertop oven controller, hand-optimized for the probe-less model:
// PROBE_WAIT is unreachable, heater/fan/buzzer are decodes of the state and
// the timer is sized for the longer of the two timed phases.
module bake_ctrl #(
    parameter PRE_T  = 3000,
    parameter COOL_T = 1200,
    parameter TW     = 24
) (
    input  wire clk,
    input  wire rst_n,
    input  wire start,
    input  wire cancel,
    input  wire temp_ok,
    input  wire bake_done,
    input  wire probe_present,
    input  wire probe_done,
    output wire heater,
    output wire fan,
    output wire buzzer,
    output wire fault
);
    localparam TMAX = (PRE_T > COOL_T) ? PRE_T : COOL_T;
    localparam CW   = (TMAX > 1) ? $clog2(TMAX) : 1;

    localparam IDLE    = 3'd0;
    localparam PREHEAT = 3'd1;
    localparam BAKE    = 3'd2;
    localparam COOL    = 3'd4;
    localparam ERROR   = 3'd5;

    reg [2:0]    state, nstate;
    reg [CW-1:0] tmr;

    always @(*) begin
        nstate = state;
        case (state)
            IDLE:    if (start) nstate = PREHEAT;
            PREHEAT: if (cancel) nstate = COOL;
                     else if (temp_ok) nstate = BAKE;
                     else if (tmr == PRE_T - 1) nstate = ERROR;
            BAKE:    if (cancel || bake_done) nstate = COOL;
            COOL:    if (tmr == COOL_T - 1) nstate = IDLE;
            ERROR:   if (cancel) nstate = IDLE;
            default: nstate = IDLE;
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state <= IDLE;
            tmr   <= {CW{1'b0}};
        end else begin
            state <= nstate;
            if (nstate != state)
                tmr <= {CW{1'b0}};
            else if (state == PREHEAT || state == COOL)
                tmr <= tmr + 1'b1;
        end
    end

    assign heater = (state == PREHEAT) || (state == BAKE);
    assign fan    = (state != IDLE) && (state != ERROR);
    assign buzzer = (state == COOL) || (state == ERROR);
    assign fault  = (state == ERROR);
endmodule

module oven_top (
    input  wire clk,
    input  wire rst_n,
    input  wire start,
    input  wire cancel,
    input  wire temp_ok,
    input  wire bake_done,
    output wire heater,
    output wire fan,
    output wire buzzer,
    output wire fault
);
    // base model: no meat probe fitted
    bake_ctrl #(.PRE_T(50), .COOL_T(30)) u_ctrl (
        .clk(clk), .rst_n(rst_n), .start(start), .cancel(cancel), .temp_ok(temp_ok),
        .bake_done(bake_done), .probe_present(1'b0), .probe_done(1'b0),
        .heater(heater), .fan(fan), .buzzer(buzzer), .fault(fault)
    );
endmodule
