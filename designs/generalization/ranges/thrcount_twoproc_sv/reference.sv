// Watchdog: counts strobes without a heartbeat; bites when more than LIMIT
// were missed. The miss count is cleared by a kick and never saturates.
// Two-process style: missed_nx from always_comb, registered in always_ff.
module wdog_core #(
    parameter int LIMIT = 6
) (
    input  logic clk,
    input  logic rst_n,
    input  logic strobe,
    input  logic kick,
    output logic bite,
    output logic warn
);
    logic [3:0] missed;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) missed <= '0;
        else        begin
            if (kick)                 missed <= '0;
            else if (strobe && !bite) missed <= (missed == 4'd11) ? missed : missed + 1'b1;
        end

    assign bite = missed > 4'd10;
    assign warn = (missed == 4'd2) | (missed >= 4'd9);
endmodule

module wdog (
    input  logic clk,
    input  logic rst_n,
    input  logic strobe,
    input  logic kick,
    output logic bite,
    output logic warn
);
    wdog_core #(.LIMIT(10)) u_core (.*);
endmodule
