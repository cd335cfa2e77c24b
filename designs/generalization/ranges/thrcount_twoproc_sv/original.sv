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
    logic [11:0] missed, missed_nx;
    always_comb begin
        missed_nx = missed;
        if (kick)                 missed_nx = '0;
        else if (strobe && !bite) missed_nx = missed + 1'b1;
    end
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) missed <= '0;
        else        missed <= missed_nx;

    assign bite = missed > LIMIT;
    assign warn = (missed == 2) | (missed >= LIMIT - 1);
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
