// Four 8-bit samples sorted ascending by an unrolled bubble sort (three passes, six compare-exchanges).
module sort4_unrolled (
    input  wire [7:0] a, b, c, d,
    output wire [7:0] o0, o1, o2, o3   // o0 = smallest
);
    // pass 1
    wire [7:0] p1_0 = (a > b) ? b : a;
    wire [7:0] p1_1 = (a > b) ? a : b;
    wire [7:0] p1_2 = (p1_1 > c) ? c : p1_1;
    wire [7:0] p1_3 = (p1_1 > c) ? p1_1 : c;
    wire [7:0] p1_4 = (p1_3 > d) ? d : p1_3;
    wire [7:0] p1_5 = (p1_3 > d) ? p1_3 : d;
    // pass 2
    wire [7:0] p2_0 = (p1_0 > p1_2) ? p1_2 : p1_0;
    wire [7:0] p2_1 = (p1_0 > p1_2) ? p1_0 : p1_2;
    wire [7:0] p2_2 = (p2_1 > p1_4) ? p1_4 : p2_1;
    wire [7:0] p2_3 = (p2_1 > p1_4) ? p2_1 : p1_4;
    // pass 3
    wire [7:0] p3_0 = (p2_0 > p2_2) ? p2_2 : p2_0;
    wire [7:0] p3_1 = (p2_0 > p2_2) ? p2_0 : p2_2;
    assign o0 = p3_0;
    assign o1 = p3_1;
    assign o2 = p2_3;
    assign o3 = p1_5;
endmodule
