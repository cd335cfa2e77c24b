// Cruise control mode logic: set/resume/accel/coast buttons, cancel on
// brake or clutch. The held set speed ramps while accel/coast is held.
// HOLD/RAMP_UP/RAMP_DN behave alike (one ENGAGED state), the two cancel
// states too (one CANCEL state); have_tgt is set in every state after
// STBY, so it is the state itself: 4 states in 2 bits.
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
    localparam logic [1:0] OFF = 2'd0, STBY = 2'd1, ENG = 2'd2, CXL = 2'd3;
    logic [1:0] st;

    always_ff @(posedge clk) begin
        if (rst) begin
            st <= OFF; target <= '0;
        end else if (!on_sw) begin
            st <= OFF;
        end else begin
            case (st)
                OFF:  st <= STBY;
                STBY: if (set_p && speed >= VMIN) begin
                          target <= speed; st <= ENG;
                      end
                ENG: begin
                    if (brake || clutch) st <= CXL;
                    else if (accel) begin
                        if (tick && target != '1) target <= target + 1'b1;
                    end else if (coast) begin
                        if (tick && target > VMIN) target <= target - 1'b1;
                    end
                end
                CXL: if (set_p && speed >= VMIN) begin
                         target <= speed; st <= ENG;
                     end else if (res_p) st <= ENG;
                default: st <= OFF;
            endcase
        end
    end

    assign engaged   = (st == ENG);
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
