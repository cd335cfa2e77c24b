// One 17-bit adder: x + (b' ^ inv) + ci, with the operand/carry chosen per opcode.
// Subtractions use a + ~b + 1; their borrow-out is the inverted carry.
module alu16 (
    input  wire [2:0]  op,
    input  wire [15:0] a,
    input  wire [15:0] b,
    input  wire        cin,
    output wire [15:0] y,
    output wire        cout
);
    reg  [15:0] xa, yb;
    reg         ci, inv_c;
    always @* begin
        xa = a; yb = b; ci = 1'b0; inv_c = 1'b0;
        case (op)
            3'd0: ;                                                  // a + b
            3'd1: ci = cin;                                          // a + b + cin
            3'd2: begin yb = ~b; ci = 1'b1;  inv_c = 1'b1; end       // a - b
            3'd3: begin yb = ~b; ci = ~cin;  inv_c = 1'b1; end       // a - b - cin
            3'd4: begin yb = 16'd0; ci = 1'b1; end                   // a + 1
            3'd5: begin yb = 16'hFFFF; inv_c = 1'b1; end             // a - 1
            3'd6: begin yb = ~b; ci = 1'b1;  inv_c = 1'b1; end       // compare via a - b
            default: begin xa = ~a; yb = 16'd0; ci = 1'b1; inv_c = 1'b1; end // 0 - a
        endcase
    end
    wire [16:0] s   = {1'b0, xa} + {1'b0, yb} + {16'd0, ci};
    wire        brw = s[16] ^ inv_c;
    wire        cmp = (op == 3'd6);
    assign y    = cmp ? {15'd0, brw} : s[15:0];
    assign cout = cmp ? (s[15:0] == 16'd0) : brw;
endmodule
