module pix_avg_v (
    input  [11:0] p0, p1, p2, p3,
    output [11:0] lo, hi
);
    wire [12:0] s0 = p0 + p1;
    wire [12:0] s1 = p2 + p3 + 13'd1;
    assign lo = s0[12:1];
    assign hi = s1[12:1];
endmodule
