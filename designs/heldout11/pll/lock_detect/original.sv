// Digital PLL lock detector: declare lock after LOCK_N consecutive phase
// comparisons inside +/-WIN, drop lock after UNLOCK_N consecutive ones
// outside. Separate good-run and bad-run counters.
module lock_detect #(
    parameter int LOCK_N   = 1000,
    parameter int UNLOCK_N = 8,
    parameter int WIN      = 16,
    parameter int EW       = 12
) (
    input  logic                 clk,
    input  logic                 rst_n,
    input  logic                 cmp_valid,
    input  logic signed [EW-1:0] phase_err,
    output logic                 locked
);
    logic [15:0] good_cnt, bad_cnt;
    logic        in_win;

    assign in_win = (phase_err < $signed(EW'(WIN))) && (phase_err > -$signed(EW'(WIN)));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            good_cnt <= '0;
            bad_cnt  <= '0;
            locked   <= 1'b0;
        end else if (cmp_valid) begin
            if (in_win) begin
                bad_cnt <= '0;
                if (good_cnt != 16'(LOCK_N)) good_cnt <= good_cnt + 1'b1;
                if (good_cnt == 16'(LOCK_N - 1)) locked <= 1'b1;
            end else begin
                good_cnt <= '0;
                if (bad_cnt != 16'(UNLOCK_N)) bad_cnt <= bad_cnt + 1'b1;
                if (bad_cnt == 16'(UNLOCK_N - 1)) locked <= 1'b0;
            end
        end
    end
endmodule

module dpll_lock (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              cmp_valid,
    input  logic signed [9:0] phase_err,
    output logic              locked
);
    lock_detect #(.LOCK_N(40), .UNLOCK_N(3), .WIN(6), .EW(10)) u_ld (.*);
endmodule
