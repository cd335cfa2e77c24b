// Three-phase inverter PWM with dead time: a shared up-counter carrier is
// compared with each phase's duty; the high-side switch turns off DT counts
// early and the low-side switch turns on DT counts late.
module pwm_carrier #(
    parameter int W = 10
) (
    input  logic         clk,
    input  logic         rst,
    output logic [W-1:0] cnt
);
    always_ff @(posedge clk) begin
        if (rst) cnt <= '0;
        else     cnt <= cnt + 1'b1;
    end
endmodule

module dt_phase #(
    parameter int W  = 10,
    parameter int DT = 8
) (
    input  logic         clk,
    input  logic         rst,
    input  logic [W-1:0] cnt,
    input  logic [W-1:0] duty,
    output logic         hs,
    output logic         ls
);
    logic hs_n, ls_n;
    always_comb begin
        hs_n = (duty >= DT) && (cnt < duty - DT);
        ls_n = (cnt >= duty + DT);
    end
    always_ff @(posedge clk) begin
        if (rst) begin
            hs <= 1'b0;
            ls <= 1'b0;
        end else begin
            hs <= hs_n;
            ls <= ls_n;
        end
    end
endmodule

module inv_pwm (
    input  logic       clk,
    input  logic       rst,
    input  logic [8:0] duty_u,
    input  logic [8:0] duty_v,
    input  logic [8:0] duty_w,
    output logic [2:0] hs,
    output logic [2:0] ls
);
    logic [8:0] cnt;
    pwm_carrier #(.W(9))          u_car (.clk, .rst, .cnt);
    dt_phase    #(.W(9), .DT(5))  u_pu  (.clk, .rst, .cnt, .duty(duty_u), .hs(hs[0]), .ls(ls[0]));
    dt_phase    #(.W(9), .DT(5))  u_pv  (.clk, .rst, .cnt, .duty(duty_v), .hs(hs[1]), .ls(ls[1]));
    dt_phase    #(.W(9), .DT(5))  u_pw  (.clk, .rst, .cnt, .duty(duty_w), .hs(hs[2]), .ls(ls[2]));
endmodule
