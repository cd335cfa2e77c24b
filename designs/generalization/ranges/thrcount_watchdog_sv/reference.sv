// Watchdog: counts strobes without a heartbeat; bites when more than LIMIT
// were missed. Reference: the count stops at LIMIT + 1 = 11 (4 bits).
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
        if (!rst_n)            missed <= '0;
        else if (kick)         missed <= '0;
        else if (strobe && !bite) missed <= missed + 1'b1;

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
