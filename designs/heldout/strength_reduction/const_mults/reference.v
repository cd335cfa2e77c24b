module color_conv (
    input  wire [7:0]  r,
    input  wire [7:0]  g,
    input  wire [7:0]  b,
    output wire [7:0]  y
);
    // 77 = 64+8+4+1, 150 = 128+16+4+2, 29 = 32-4+1
    wire [17:0] s = ({r, 6'd0} + {r, 3'd0} + {r, 2'd0} + r)
                  + ({g, 7'd0} + {g, 4'd0} + {g, 2'd0} + {g, 1'b0})
                  + ({b, 5'd0} - {b, 2'd0} + b);
    assign y = s[15:8];
endmodule
