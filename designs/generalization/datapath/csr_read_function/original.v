// Interrupt-controller read-back: a function decodes the word address by ranges in an if/else-if chain.
module irq_rd (
    input  wire        clk,
    input  wire [5:0]  waddr,
    input  wire [31:0] pending,
    input  wire [31:0] enable,
    input  wire [31:0] prio,
    input  wire [31:0] claim,
    output reg  [31:0] rdata
);
    function [31:0] readback;
        input [5:0] a;
        begin
            if (a < 6'd4)                        readback = pending;
            else if (a >= 6'd4 && a < 6'd8)      readback = enable;
            else if (a >= 6'd16 && a <= 6'd31)   readback = prio;
            else if (a == 6'd63)                 readback = claim;
            else                                 readback = 32'd0;
        end
    endfunction

    always @(posedge clk)
        rdata <= readback(waddr);
endmodule
