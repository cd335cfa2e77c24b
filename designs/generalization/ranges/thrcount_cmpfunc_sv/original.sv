// Watchdog: counts strobes without a heartbeat; bites when more than LIMIT
// were missed. The miss count is cleared by a kick and never saturates.
// The compares go through a function over(count, limit).
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
    logic [11:0] missed;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n)            missed <= '0;
        else if (kick)         missed <= '0;
        else if (strobe && !bite) missed <= missed + 1'b1;

    function automatic logic over(input logic [11:0] m, input int lim);
        over = m > lim;
    endfunction
    assign bite = over(missed, LIMIT);
    assign warn = (missed == 2) | over(missed, LIMIT - 2);
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
