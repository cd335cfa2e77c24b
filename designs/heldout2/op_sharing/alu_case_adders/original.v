// Microcontroller ALU: every operation written as its own expression.
module alu16 (
    input  wire [2:0]  op,
    input  wire [15:0] a,
    input  wire [15:0] b,
    input  wire        cin,
    output reg  [15:0] y,
    output reg         cout
);
    localparam OP_ADD = 3'd0, OP_ADC = 3'd1, OP_SUB = 3'd2, OP_SBB = 3'd3,
               OP_INC = 3'd4, OP_DEC = 3'd5, OP_CMP = 3'd6, OP_NEG = 3'd7;
    always @* begin
        case (op)
            OP_ADD: {cout, y} = a + b;
            OP_ADC: {cout, y} = a + b + cin;
            OP_SUB: {cout, y} = {1'b0, a} - {1'b0, b};
            OP_SBB: {cout, y} = {1'b0, a} - {1'b0, b} - cin;
            OP_INC: {cout, y} = a + 16'd1;
            OP_DEC: {cout, y} = {1'b0, a} - 17'd1;
            OP_CMP: begin y = {15'd0, a < b}; cout = (a == b); end
            default: {cout, y} = 17'd0 - {1'b0, a};
        endcase
    end
endmodule
