// Optimal 4-input network from the same compare-and-swap cell: 5 instances.
module cas12 (
    input  wire [11:0] x, y,
    output wire [11:0] lo, hi
);
    wire lt = x < y;
    assign lo = lt ? x : y;
    assign hi = lt ? y : x;
endmodule

module sort4_cas (
    input  wire [47:0] in_keys,
    output wire [47:0] out_keys
);
    wire [11:0] l0, h0, l1, h1, h2, l3;
    cas12 u0 (.x(in_keys[11:0]),  .y(in_keys[23:12]), .lo(l0), .hi(h0));
    cas12 u1 (.x(in_keys[35:24]), .y(in_keys[47:36]), .lo(l1), .hi(h1));
    cas12 u2 (.x(l0), .y(l1), .lo(out_keys[11:0]), .hi(h2));
    cas12 u3 (.x(h0), .y(h1), .lo(l3), .hi(out_keys[47:36]));
    cas12 u4 (.x(l3), .y(h2), .lo(out_keys[23:12]), .hi(out_keys[35:24]));
endmodule
