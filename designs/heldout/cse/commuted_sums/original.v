module blend3 (
    input  wire [7:0] a,
    input  wire [7:0] b,
    input  wire [7:0] c,
    input  wire [7:0] d,
    input  wire       sel,
    output wire [9:0] y0,
    output wire [9:0] y1,
    output wire [9:0] y2
);
    assign y0 = a + b + c;
    assign y1 = (b + a) + d;
    assign y2 = sel ? (c + (a + b)) : (d + b + a);
endmodule
