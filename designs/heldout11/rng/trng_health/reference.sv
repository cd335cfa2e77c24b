// Reference: the run counter is only observed through run >= 9, so it can
// saturate at 9 (4 bits); the APT window position stays below 32 (5 bits)
// and the match count never exceeds 32 (6 bits).
module trng_mon (
    input  logic clk,
    input  logic rst_n,
    input  logic clr,
    input  logic valid,
    input  logic bit_in,
    output logic rct_fail,
    output logic apt_fail
);
    logic       prev;
    logic [3:0] run;
    logic [4:0] wcnt;
    logic [5:0] mcnt;
    logic       ref_bit;

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
            if (bit_in != prev)     run <= '0;
            else if (run != 4'd9)   run <= run + 1'b1;
            if (run == 4'd9)        rct_fail <= 1'b1;
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
                mcnt    <= 6'd1;
                wcnt    <= 5'd1;
            end else begin
                if (bit_in == ref_bit) mcnt <= mcnt + 1'b1;
                wcnt <= wcnt + 1'b1;
                if (mcnt >= 6'd26) apt_fail <= 1'b1;
            end
        end
    end
endmodule
