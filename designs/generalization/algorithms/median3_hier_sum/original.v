// Median of three 8-bit pixels as sum - min - max, min and max in separate submodules.
module min3 (input wire [7:0] a, b, c, output wire [7:0] y);
    wire [7:0] ab = (a < b) ? a : b;
    assign y = (ab < c) ? ab : c;
endmodule

module max3 (input wire [7:0] a, b, c, output wire [7:0] y);
    wire [7:0] ab = (a > b) ? a : b;
    assign y = (ab > c) ? ab : c;
endmodule

module med3_sum (
    input  wire       clk,
    input  wire [7:0] p0, p1, p2,
    output reg  [7:0] med
);
    wire [7:0] mn, mx;
    wire [9:0] sum = p0 + p1 + p2;
    min3 u_min (.a(p0), .b(p1), .c(p2), .y(mn));
    max3 u_max (.a(p0), .b(p1), .c(p2), .y(mx));
    always @(posedge clk)
        med <= sum - mn - mx;
endmodule
