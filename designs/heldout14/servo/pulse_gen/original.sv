// Hobby-servo PWM generator: a high pulse of (MIN_T + position) cycles
// followed by a fixed low gap. Separate counters time the pulse and the gap.
module servo_pwm #(
    parameter int MIN_T = 1000,
    parameter int PW    = 10,
    parameter int GAP_T = 18000
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          pos_we,
    input  logic [PW-1:0] pos_in,
    output logic          pwm,
    output logic          frame_start
);
    localparam int HW = $clog2(MIN_T + (1 << PW));
    localparam int LW = $clog2(GAP_T);

    logic [PW-1:0] pos;
    logic [HW-1:0] hi_cnt;
    logic [LW-1:0] lo_cnt;
    logic          high;

    assign pwm         = high;
    assign frame_start = high && (hi_cnt == '0);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            pos    <= '0;
            hi_cnt <= '0;
            lo_cnt <= '0;
            high   <= 1'b1;
        end else begin
            if (high) begin
                if (hi_cnt == HW'(MIN_T - 1) + HW'(pos)) begin
                    high   <= 1'b0;
                    lo_cnt <= '0;
                end else begin
                    hi_cnt <= hi_cnt + 1'b1;
                end
            end else begin
                if (lo_cnt == LW'(GAP_T - 1)) begin
                    high   <= 1'b1;
                    hi_cnt <= '0;
                    if (pos_we) pos <= pos_in;   // new position applies per frame
                end else begin
                    lo_cnt <= lo_cnt + 1'b1;
                end
            end
        end
    end
endmodule

module gimbal_servo (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       pos_we,
    input  logic [3:0] pos_in,
    output logic       pwm,
    output logic       frame_start
);
    servo_pwm #(.MIN_T(24), .PW(4), .GAP_T(40)) u_pwm (.*);
endmodule
