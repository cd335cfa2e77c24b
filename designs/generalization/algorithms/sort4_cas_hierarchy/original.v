// Four 12-bit keys sorted ascending by a bubble network of compare-and-swap instances (6 of them).
module cas12 (
    input  wire [11:0] x, y,
    output wire [11:0] lo, hi
);
    wire swap = x > y;
    assign lo = swap ? y : x;
    assign hi = swap ? x : y;
endmodule

module sort4_cas (
    input  wire [47:0] in_keys,
    output wire [47:0] out_keys
);
    wire [11:0] a0 = in_keys[11:0],  a1 = in_keys[23:12];
    wire [11:0] a2 = in_keys[35:24], a3 = in_keys[47:36];
    wire [11:0] b0, b1, b2, b3, c0, c1, c2, d0, d1;
    // pass 1: bubble the largest to lane 3
    cas12 u10 (.x(a0), .y(a1), .lo(b0), .hi(b1));
    cas12 u11 (.x(b1), .y(a2), .lo(b2), .hi(b3));
    cas12 u12 (.x(b3), .y(a3), .lo(c2), .hi(out_keys[47:36]));
    // pass 2
    cas12 u20 (.x(b0), .y(b2), .lo(c0), .hi(c1));
    cas12 u21 (.x(c1), .y(c2), .lo(d0), .hi(out_keys[35:24]));
    // pass 3
    cas12 u30 (.x(c0), .y(d0), .lo(out_keys[11:0]), .hi(out_keys[23:12]));
endmodule
