// Optimal 4-input sorting network: (a,b)(c,d)(lo,lo)(hi,hi)(mid) = 5 compare-exchanges.
module sort4_unrolled (
    input  wire [7:0] a, b, c, d,
    output wire [7:0] o0, o1, o2, o3
);
    wire       x0 = a < b;
    wire [7:0] l0 = x0 ? a : b, h0 = x0 ? b : a;
    wire       x1 = c < d;
    wire [7:0] l1 = x1 ? c : d, h1 = x1 ? d : c;
    wire       x2 = l0 < l1;
    wire [7:0] l2 = x2 ? l0 : l1, h2 = x2 ? l1 : l0;
    wire       x3 = h0 < h1;
    wire [7:0] l3 = x3 ? h0 : h1, h3 = x3 ? h1 : h0;
    wire       x4 = l3 < h2;
    assign o0 = l2;
    assign o1 = x4 ? l3 : h2;
    assign o2 = x4 ? h2 : l3;
    assign o3 = h3;
endmodule
