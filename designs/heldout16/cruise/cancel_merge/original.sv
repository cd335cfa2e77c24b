// Cruise control mode logic: set/resume/accel/coast buttons, cancel on
// brake or clutch. The held set speed ramps while accel/coast is held.
module btn_edge (
    input  logic clk,
    input  logic rst,
    input  logic b,
    output logic pulse
);
    logic q;
    always_ff @(posedge clk)
        if (rst) q <= 1'b0;
        else     q <= b;
    assign pulse = b & ~q;
endmodule

module cruise_fsm #(
    parameter int SW   = 8,
    parameter int VMIN = 40
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          on_sw,
    input  logic          set_p,
    input  logic          res_p,
    input  logic          accel,
    input  logic          coast,
    input  logic          brake,
    input  logic          clutch,
    input  logic          tick,
    input  logic [SW-1:0] speed,
    output logic          engaged,
    output logic          ready_led,
    output logic [SW-1:0] target
);
    localparam logic [2:0] OFF = 3'd0, STBY = 3'd1, HOLD = 3'd2, RAMP_UP = 3'd3,
                           RAMP_DN = 3'd4, CXL_BRAKE = 3'd5, CXL_CLUTCH = 3'd6;
    logic [2:0] st;
    logic       have_tgt;

    always_ff @(posedge clk) begin
        if (rst) begin
            st <= OFF; target <= '0; have_tgt <= 1'b0;
        end else if (!on_sw) begin
            st <= OFF; have_tgt <= 1'b0;
        end else begin
            case (st)
                OFF:  st <= STBY;
                STBY: if (set_p && speed >= VMIN) begin
                          target <= speed; have_tgt <= 1'b1; st <= HOLD;
                      end else if (res_p && have_tgt) st <= HOLD;
                HOLD, RAMP_UP, RAMP_DN: begin
                    if (brake)       st <= CXL_BRAKE;
                    else if (clutch) st <= CXL_CLUTCH;
                    else if (accel) begin
                        st <= RAMP_UP;
                        if (tick && target != '1) target <= target + 1'b1;
                    end else if (coast) begin
                        st <= RAMP_DN;
                        if (tick && target > VMIN) target <= target - 1'b1;
                    end else
                        st <= HOLD;
                end
                CXL_BRAKE: if (set_p && speed >= VMIN) begin
                               target <= speed; st <= HOLD;
                           end else if (res_p) st <= HOLD;
                CXL_CLUTCH: if (set_p && speed >= VMIN) begin
                               target <= speed; st <= HOLD;
                           end else if (res_p) st <= HOLD;
                default: st <= OFF;
            endcase
        end
    end

    assign engaged   = (st == HOLD) || (st == RAMP_UP) || (st == RAMP_DN);
    assign ready_led = (st != OFF);
endmodule

module cruise_top (
    input  logic       clk,
    input  logic       rst,
    input  logic       on_sw,
    input  logic       set_b,
    input  logic       res_b,
    input  logic       accel,
    input  logic       coast,
    input  logic       brake,
    input  logic       clutch,
    input  logic       tick,
    input  logic [6:0] speed,
    output logic       engaged,
    output logic       ready_led,
    output logic [6:0] target
);
    logic set_p, res_p;
    btn_edge u_set (.clk, .rst, .b(set_b), .pulse(set_p));
    btn_edge u_res (.clk, .rst, .b(res_b), .pulse(res_p));
    cruise_fsm #(.SW(7), .VMIN(30)) u_fsm (.*);
endmodule
