// Incompletely specified FSM: 'x outputs/next states and a user assumption (rtlopt pragma).
// With the don't-cares, 5 states cover into 3.
module fsm_dontcare (
    input  wire clk,
    input  wire rst,
    input  wire a,
    input  wire b,
    output reg  y
);
    // rtlopt: assume !(a && b)
    localparam A = 3'd0, B = 3'd1, C = 3'd2, D = 3'd3, E = 3'd4;
    reg [2:0] st, nx;
    always @(posedge clk) if (rst) st <= A; else st <= nx;
    always @(*) begin
        nx = 3'bxxx;
        y  = 1'bx;
        case (st)
            A: begin y = 1'b0; nx = a ? B : (b ? C : A); end
            B: begin y = 1'b1; nx = a ? D : E; end
            C: begin           nx = a ? D : (b ? A : C); end
            D: begin y = 1'b1; nx = b ? A : D; end
            E: begin y = 1'b0; if (b) nx = C; end
            default: nx = A;
        endcase
    end
endmodule
