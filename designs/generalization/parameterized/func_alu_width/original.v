// Registered add/subtract unit. The operation is a function over the data width parameter.
module addsub_unit #(
    parameter W = 16
) (
    input  wire         clk,
    input  wire         rst,
    input  wire [1:0]   op,
    input  wire [W-1:0] a,
    input  wire [W-1:0] b,
    output reg  [W-1:0] y
);
    localparam OP_ADD  = 2'd0;
    localparam OP_SUB  = 2'd1;
    localparam OP_RSUB = 2'd2;
    localparam OP_PASS = 2'd3;

    function [W-1:0] alu;
        input [1:0]   f;
        input [W-1:0] x;
        input [W-1:0] z;
        begin
            case (f)
                OP_ADD:  alu = x + z;
                OP_SUB:  alu = x - z;
                OP_RSUB: alu = z - x;
                default: alu = x;
            endcase
        end
    endfunction

    always @(posedge clk) begin
        if (rst) y <= {W{1'b0}};
        else     y <= alu(op, a, b);
    end
endmodule
