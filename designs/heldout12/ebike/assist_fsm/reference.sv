// Pedelec motor-assist controller: assist only while pedalling below the
// legal speed limit, with a soft ramp of the PWM duty and a boost mode.
module assist_ctrl #(
    parameter int DUTY_MAX = 200,
    parameter int RAMP_STEP = 4,
    parameter int CAD_HI   = 90     // cadence (rpm) considered "sprinting"
) (
    input  logic       clk,
    input  logic       rst,
    input  logic       enable,
    input  logic       brake,
    input  logic [7:0] cadence,      // rpm, 0 = not pedalling
    input  logic       over_speed,
    output logic [7:0] duty,
    output logic       motor_on,
    output logic       boost_lamp
);
    // BOOST needs sprinting && !pedalling, which never holds (cadence >= CAD_HI
    // implies cadence != 0): the state, its duty override and lamp are dropped
    typedef enum logic [2:0] {OFF, STANDBY, RAMP_UP, ASSIST, COAST} state_t;
    state_t st;

    logic pedalling;
    assign pedalling = (cadence != 8'd0);

    always_ff @(posedge clk) begin
        if (rst) begin
            st   <= OFF;
            duty <= '0;
        end else begin
            unique case (st)
                OFF:     if (enable) st <= STANDBY;
                STANDBY: begin
                             duty <= '0;
                             if (!enable) st <= OFF;
                             else if (pedalling && !brake && !over_speed) st <= RAMP_UP;
                         end
                RAMP_UP: if (brake || !pedalling || over_speed) st <= COAST;
                         else if (duty >= 8'(DUTY_MAX - RAMP_STEP)) begin duty <= 8'(DUTY_MAX); st <= ASSIST; end
                         else duty <= duty + 8'(RAMP_STEP);
                ASSIST:  if (brake || !pedalling || over_speed) st <= COAST;
                COAST:   if (duty <= 8'(RAMP_STEP)) begin duty <= '0; st <= STANDBY; end
                         else duty <= duty - 8'(RAMP_STEP);
                default: st <= OFF;
            endcase
        end
    end

    assign motor_on   = (st == RAMP_UP) || (st == ASSIST) || (st == COAST);
    assign boost_lamp = 1'b0;
endmodule

module pedelec (
    input  logic       clk,
    input  logic       rst,
    input  logic       enable,
    input  logic       brake,
    input  logic [7:0] cadence,
    input  logic       over_speed,
    output logic [7:0] duty,
    output logic       motor_on,
    output logic       boost_lamp
);
    assist_ctrl #(.DUTY_MAX(160), .RAMP_STEP(5), .CAD_HI(100)) u_ac (.*);
endmodule
