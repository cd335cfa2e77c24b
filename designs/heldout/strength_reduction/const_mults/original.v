module color_conv (
    input  wire [7:0]  r,
    input  wire [7:0]  g,
    input  wire [7:0]  b,
    output wire [7:0]  y
);
    // Y = (77 R + 150 G + 29 B) / 256
    wire [15:0] pr = r * 8'd77;
    wire [15:0] pg = g * 8'd150;
    wire [15:0] pb = b * 8'd29;
    wire [17:0] s  = pr + pg + pb;
    assign y = s[15:8];
endmodule
