// Bit-manipulation slot of a small ALU: pass, rotate left, rotate right, selected by a case on the
// opcode; 8-bit operand, 3-bit amount, rotates written as shift pairs in always_comb.
module bitrot (
    input  logic [7:0] a,
    input  logic [2:0] sh,
    input  logic [1:0] op,
    output logic [7:0] y
);
    localparam int W = 8;
    always_comb begin
        case (op)
            2'd1:    y = (a << sh) | (a >> (W - sh));
            2'd2:    y = (a >> sh) | (a << (W - sh));
            default: y = a;
        endcase
    end
endmodule
