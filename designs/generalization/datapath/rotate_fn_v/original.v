// Crypto round helper: rotate a 32-bit word left or right by a 5-bit amount, each rotate a function
// built from two shifts, the direction from the round control; registered.
module rotword (
    input  wire        clk,
    input  wire [31:0] w,
    input  wire [4:0]  r,
    input  wire        to_right,
    output reg  [31:0] q
);
    function [31:0] rol32;
        input [31:0] v;
        input [4:0]  k;
        rol32 = (v << k) | (v >> (32 - k));
    endfunction
    function [31:0] ror32;
        input [31:0] v;
        input [4:0]  k;
        ror32 = (v >> k) | (v << (32 - k));
    endfunction
    always @(posedge clk)
        q <= to_right ? ror32(w, r) : rol32(w, r);
endmodule
