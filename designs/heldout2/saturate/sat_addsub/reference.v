// One 17-bit adder serves both operations: subtract is a + ~b + 1, its carry-out is "no borrow".
module sat_addsub (
    input  wire [15:0] a,
    input  wire [15:0] b,
    input  wire        op_sub,
    output wire [15:0] y,
    output wire        clipped
);
    wire [15:0] bb = b ^ {16{op_sub}};
    wire [16:0] s  = {1'b0, a} + {1'b0, bb} + {16'd0, op_sub};
    // add: overflow when carry=1; sub: borrow when carry=0
    assign clipped = s[16] ^ op_sub;
    assign y = clipped ? {16{~op_sub}} : s[15:0];
endmodule
