// Continuous health tests for a raw TRNG bit source (NIST SP 800-90B style):
// repetition count test (RCT) and adaptive proportion test (APT). Failures are
// sticky until cleared by firmware.
module trng_health #(
    parameter int RCT_C = 31,    // RCT cutoff: this many repeats fails
    parameter int WIN   = 512,   // APT window length
    parameter int APT_C = 410    // APT cutoff
) (
    input  logic clk,
    input  logic rst_n,
    input  logic clr,
    input  logic valid,
    input  logic bit_in,
    output logic rct_fail,
    output logic apt_fail
);
    logic        prev;
    logic [7:0]  run;      // repeats of prev, saturating
    logic [15:0] wcnt;     // position in the APT window
    logic [15:0] mcnt;     // matches of the window's first bit
    logic        ref_bit;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            prev     <= 1'b0;
            run      <= '0;
            rct_fail <= 1'b0;
        end else if (clr) begin
            run      <= '0;
            rct_fail <= 1'b0;
        end else if (valid) begin
            prev <= bit_in;
            if (bit_in != prev)   run <= '0;
            else if (run != '1)   run <= run + 1'b1;
            if (run >= 8'(RCT_C)) rct_fail <= 1'b1;
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            wcnt     <= '0;
            mcnt     <= '0;
            ref_bit  <= 1'b0;
            apt_fail <= 1'b0;
        end else if (clr) begin
            wcnt     <= '0;
            mcnt     <= '0;
            apt_fail <= 1'b0;
        end else if (valid) begin
            if (wcnt == '0) begin
                ref_bit <= bit_in;
                mcnt    <= 16'd1;
                wcnt    <= 16'd1;
            end else begin
                if (bit_in == ref_bit) mcnt <= mcnt + 1'b1;
                wcnt <= (wcnt == 16'(WIN - 1)) ? '0 : wcnt + 1'b1;
                if (mcnt >= 16'(APT_C)) apt_fail <= 1'b1;
            end
        end
    end
endmodule

module trng_mon (
    input  logic clk,
    input  logic rst_n,
    input  logic clr,
    input  logic valid,
    input  logic bit_in,
    output logic rct_fail,
    output logic apt_fail
);
    trng_health #(.RCT_C(9), .WIN(32), .APT_C(26)) u_ht (.*);
endmodule
