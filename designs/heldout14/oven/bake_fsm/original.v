// Countertop oven controller. Two-process FSM; heater, fan and buzzer are
// registered from the next state so they switch with the state register.
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
    output reg  heater,
    output reg  fan,
    output reg  buzzer,
    output wire fault
);
    localparam IDLE       = 3'd0;
    localparam PREHEAT    = 3'd1;
    localparam BAKE       = 3'd2;
    localparam PROBE_WAIT = 3'd3;
    localparam COOL       = 3'd4;
    localparam ERROR      = 3'd5;

    reg [2:0]    state, nstate;
    reg [TW-1:0] tmr;

    always @(*) begin
        nstate = state;
        case (state)
            IDLE:       if (start) nstate = PREHEAT;
            PREHEAT:    if (cancel) nstate = COOL;
                        else if (temp_ok) nstate = BAKE;
                        else if (tmr == PRE_T - 1) nstate = ERROR;
            BAKE:       if (cancel) nstate = COOL;
                        else if (probe_present) nstate = PROBE_WAIT;
                        else if (bake_done) nstate = COOL;
            PROBE_WAIT: if (cancel || probe_done) nstate = COOL;
            COOL:       if (tmr == COOL_T - 1) nstate = IDLE;
            ERROR:      if (cancel) nstate = IDLE;
            default:    nstate = IDLE;
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state  <= IDLE;
            tmr    <= {TW{1'b0}};
            heater <= 1'b0;
            fan    <= 1'b0;
            buzzer <= 1'b0;
        end else begin
            state <= nstate;
            if (nstate != state)
                tmr <= {TW{1'b0}};
            else if (state == PREHEAT || state == COOL)
                tmr <= tmr + 1'b1;
            heater <= (nstate == PREHEAT) || (nstate == BAKE) || (nstate == PROBE_WAIT);
            fan    <= (nstate != IDLE) && (nstate != ERROR);
            buzzer <= (nstate == COOL) || (nstate == ERROR);
        end
    end

    assign fault = (state == ERROR);
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
