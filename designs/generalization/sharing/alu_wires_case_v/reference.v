// 16-bit ALU: one adder/subtractor (carry-in = subtract); signed and unsigned less-than from its
// borrow and the operand signs.
module alu16w (
    input  wire [2:0]  op,
    input  wire [15:0] a,
    input  wire [15:0] b,
    output reg  [15:0] r
);
    wire        sub  = op != 3'd0;
    wire [16:0] d    = {1'b0, a} + {1'b0, b ^ {16{sub}}} + {16'd0, sub};
    wire        ltu  = ~d[16];
    wire        lt   = (a[15] ^ b[15]) ? a[15] : d[15];

    always @* begin
        case (op)
            3'd0, 3'd1: r = d[15:0];
            3'd2: r = a & b;
            3'd3: r = a | b;
            3'd4: r = a ^ b;
            3'd5: r = {15'd0, lt};
            3'd6: r = {15'd0, ltu};
            3'd7: r = b;
        endcase
    end
endmodule
