// 8-bit saturating pixel add/sub written as a function called from a clocked block.
module pix_sat (
    input  wire       clk,
    input  wire [7:0] p,
    input  wire [7:0] q,
    input  wire       dec,
    output reg  [7:0] o
);
    function [7:0] satop;
        input [7:0] a;
        input [7:0] b;
        input       minus;
        reg   [8:0] t;
        begin
            t = a + b;
            if (minus)
                satop = (a >= b) ? a - b : 8'd0;
            else
                satop = t[8] ? 8'hFF : t[7:0];
        end
    endfunction

    always @(posedge clk)
        o <= satop(p, q, dec);
endmodule
