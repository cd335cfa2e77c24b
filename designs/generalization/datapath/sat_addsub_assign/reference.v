// One 13-bit adder: subtract is x + ~y + 1; its inverted carry is the borrow.
module sat_as12 (
    input  wire [11:0] x,
    input  wire [11:0] y,
    input  wire        sub,
    output wire [11:0] r,
    output wire        sat
);
    wire [12:0] s = {1'b0, x} + {1'b0, y ^ {12{sub}}} + {12'd0, sub};
    assign sat = s[12] ^ sub;
    assign r   = sat ? {12{~sub}} : s[11:0];
endmodule
