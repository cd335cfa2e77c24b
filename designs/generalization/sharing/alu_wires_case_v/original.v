// 16-bit ALU (Verilog-2001): every result is its own wire, the opcode picks one in a case.
module alu16w (
    input  wire [2:0]  op,
    input  wire [15:0] a,
    input  wire [15:0] b,
    output reg  [15:0] r
);
    wire [15:0] r_add  = a + b;
    wire [15:0] r_sub  = a - b;
    wire [15:0] r_and  = a & b;
    wire [15:0] r_or   = a | b;
    wire [15:0] r_xor  = a ^ b;
    wire        r_lt   = $signed(a) < $signed(b);
    wire        r_ltu  = a < b;

    always @* begin
        case (op)
            3'd0: r = r_add;
            3'd1: r = r_sub;
            3'd2: r = r_and;
            3'd3: r = r_or;
            3'd4: r = r_xor;
            3'd5: r = {15'd0, r_lt};
            3'd6: r = {15'd0, r_ltu};
            3'd7: r = b;
        endcase
    end
endmodule
