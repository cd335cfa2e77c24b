// Reference: (addr, dir) walks one cycle of 2 * (LAST - FIRST) = 32 states, so a free-running
// 5-bit phase counter gives both: addr = FIRST + (ph <= 16 ? ph : 32 - ph), backward = ph[4].
module scan_pp #(
    parameter int AW    = 5,
    parameter int FIRST = 3,
    parameter int LAST  = 19
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          step,
    input  logic [255:0]  line,
    output logic [7:0]    pix,
    output logic          backward
);
    logic [4:0]    ph;
    logic [AW-1:0] addr;

    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n)    ph <= '0;
        else if (step) ph <= ph + 1'b1;

    assign addr     = AW'(FIRST) + ((ph <= 5'd16) ? ph : 5'd0 - ph);
    assign pix      = line[{addr, 3'b000} +: 8];
    assign backward = ph[4];
endmodule
