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
    wire [8:0] ab = a + b;
    assign y0 = ab + c;
    assign y1 = ab + d;
    assign y2 = sel ? y0 : y1;
endmodule
