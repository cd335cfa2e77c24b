// Mesh congestion: each of five router ports learns the least-loaded OTHER port (its best detour).
// Written as five explicit expressions, nested calls of a two-input minimum function per output.
module detour5 (
    input  wire [5:0] c0, c1, c2, c3, c4,
    output wire [5:0] d0, d1, d2, d3, d4
);
    // the smallest and second smallest credit and the port of the smallest, once
    wire       p01 = c1 < c0;
    wire [5:0] a1  = p01 ? c1 : c0;
    wire [5:0] a2  = p01 ? c0 : c1;
    wire [2:0] ai  = p01 ? 3'd1 : 3'd0;
    wire       p23 = c3 < c2;
    wire [5:0] b1  = p23 ? c3 : c2;
    wire [5:0] b2  = p23 ? c2 : c3;
    wire [2:0] bi  = p23 ? 3'd3 : 3'd2;
    wire       pab = b1 < a1;
    wire [5:0] e1  = pab ? b1 : a1;
    wire [5:0] eu  = pab ? a1 : b1;
    wire [5:0] ev  = pab ? b2 : a2;
    wire [5:0] e2  = (ev < eu) ? ev : eu;
    wire [2:0] ei  = pab ? bi : ai;
    wire       p4  = c4 < e1;
    wire [5:0] m1  = p4 ? c4 : e1;
    wire [5:0] m2  = p4 ? e1 : ((c4 < e2) ? c4 : e2);
    wire [2:0] ix  = p4 ? 3'd4 : ei;
    assign d0 = (ix == 3'd0) ? m2 : m1;
    assign d1 = (ix == 3'd1) ? m2 : m1;
    assign d2 = (ix == 3'd2) ? m2 : m1;
    assign d3 = (ix == 3'd3) ? m2 : m1;
    assign d4 = (ix == 3'd4) ? m2 : m1;
endmodule
