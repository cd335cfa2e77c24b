// Mesh congestion: each of five router ports learns the least-loaded OTHER port (its best detour).
// Written as five explicit expressions, nested calls of a two-input minimum function per output.
module detour5 (
    input  wire [5:0] c0, c1, c2, c3, c4,
    output wire [5:0] d0, d1, d2, d3, d4
);
    function [5:0] mn;
        input [5:0] x, y;
        mn = (x < y) ? x : y;
    endfunction
    assign d0 = mn(mn(mn(c1, c2), c3), c4);
    assign d1 = mn(mn(mn(c0, c2), c3), c4);
    assign d2 = mn(mn(mn(c0, c1), c3), c4);
    assign d3 = mn(mn(mn(c0, c1), c2), c4);
    assign d4 = mn(mn(mn(c0, c1), c2), c3);
endmodule
