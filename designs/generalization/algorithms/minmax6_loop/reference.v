// Min and max of six words with 7 comparisons: pair up (3), min of the lows (2), max of the highs (2).
module minmax6 (
    input  wire [71:0] smp,
    output wire [11:0] smp_min,
    output wire [11:0] smp_max
);
    wire [11:0] a = smp[11:0],  b = smp[23:12], c = smp[35:24];
    wire [11:0] d = smp[47:36], e = smp[59:48], f = smp[71:60];
    wire p0 = a < b, p1 = c < d, p2 = e < f;
    wire [11:0] l0 = p0 ? a : b, h0 = p0 ? b : a;
    wire [11:0] l1 = p1 ? c : d, h1 = p1 ? d : c;
    wire [11:0] l2 = p2 ? e : f, h2 = p2 ? f : e;
    wire [11:0] l01 = (l0 < l1) ? l0 : l1;
    wire [11:0] h01 = (h0 < h1) ? h1 : h0;
    assign smp_min = (l01 < l2) ? l01 : l2;
    assign smp_max = (h01 < h2) ? h2 : h01;
endmodule
