// Don't-care output written as 'x: C may merge with B (3 -> 2 states) because its output is
// unspecified and its successors are compatible.
module fsm_xdc (
    input  wire clk,
    input  wire rst,
    input  wire a,
    output reg  y
);
    localparam A = 2'd0, B = 2'd1, C = 2'd2;
    reg [1:0] st, nx;
    always @(posedge clk or posedge rst)
        if (rst) st <= A; else st <= nx;
    always @(*) begin
        nx = A;
        y  = 1'b0;
        case (st)
            A: begin y = 1'b0; nx = a ? B : C; end
            B: begin y = 1'b1; nx = a ? A : B; end
            C: begin y = 1'bx; nx = a ? A : C; end
        endcase
    end
endmodule
