// Hobby-servo PWM generator: a high pulse of (MIN_T + position) cycles
// followed by a fixed low gap. Hand-optimized: the pulse and the gap never
// overlap, so one counter (restarted at each phase change) times both.
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

    localparam int CW = (HW > LW) ? HW : LW;

    logic [PW-1:0] pos;
    logic [CW-1:0] cnt;
    logic          high;

    assign pwm         = high;
    assign frame_start = high && (cnt == '0);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            pos  <= '0;
            cnt  <= '0;
            high <= 1'b1;
        end else begin
            if (high) begin
                if (cnt[HW-1:0] == HW'(MIN_T - 1) + HW'(pos)) begin
                    high <= 1'b0;
                    cnt  <= '0;
                end else begin
                    cnt <= cnt + 1'b1;
                end
            end else begin
                if (cnt == CW'(GAP_T - 1)) begin
                    high <= 1'b1;
                    cnt  <= '0;
                    if (pos_we) pos <= pos_in;   // new position applies per frame
                end else begin
                    cnt <= cnt + 1'b1;
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
