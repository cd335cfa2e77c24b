// Optimal 4-input sorting network: 5 compare-exchanges.
module oets4 #(parameter W = 10) (
    input  wire [4*W-1:0] din,
    output wire [4*W-1:0] dout
);
    wire [W-1:0] a = din[W-1:0], b = din[2*W-1:W], c = din[3*W-1:2*W], d = din[4*W-1:3*W];
    wire         x0 = a < b;
    wire [W-1:0] l0 = x0 ? a : b, h0 = x0 ? b : a;
    wire         x1 = c < d;
    wire [W-1:0] l1 = x1 ? c : d, h1 = x1 ? d : c;
    wire         x2 = l0 < l1;
    wire [W-1:0] l2 = x2 ? l0 : l1, h2 = x2 ? l1 : l0;
    wire         x3 = h0 < h1;
    wire [W-1:0] l3 = x3 ? h0 : h1, h3 = x3 ? h1 : h0;
    wire         x4 = l3 < h2;
    assign dout = {h3, x4 ? h2 : l3, x4 ? l3 : h2, l2};
endmodule
