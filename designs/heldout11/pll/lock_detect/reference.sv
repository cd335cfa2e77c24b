// Reference: at most one of the two run counters is non-zero (each is cleared
// by the other kind of sample), so one run counter plus a flag recording the
// kind of the last sample replaces them; it saturates at LOCK_N = 40 (6 bits),
// which the bad-run compare (== UNLOCK_N - 1) cannot tell apart from
// saturating at UNLOCK_N.
module dpll_lock (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              cmp_valid,
    input  logic signed [9:0] phase_err,
    output logic              locked
);
    logic [5:0] run;
    logic       last_in;
    logic       in_win;

    assign in_win = (phase_err < 10'sd6) && (phase_err > -10'sd6);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            run     <= '0;
            last_in <= 1'b0;
            locked  <= 1'b0;
        end else if (cmp_valid) begin
            last_in <= in_win;
            if (in_win != last_in)             run <= 6'd1;
            else if (run != 6'd40)             run <= run + 1'b1;
            if (in_win) begin
                if (last_in && run == 6'd39) locked <= 1'b1;
            end else begin
                if (!last_in && run == 6'd2) locked <= 1'b0;
            end
        end
    end
endmodule
