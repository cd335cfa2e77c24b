// Arithmetic unit of a small accumulator CPU: ADD, SUB, INC, DEC, NEG and
// CMP (flags of a - b, result not written), with carry and overflow flags.
module arith_unit #(
    parameter int W = 16
) (
    input  logic [2:0]   op,
    input  logic [W-1:0] a,
    input  logic [W-1:0] b,
    output logic [W-1:0] y,
    output logic         c,
    output logic         v,
    output logic         we
);
    localparam logic [2:0] OP_ADD = 3'd0, OP_SUB = 3'd1, OP_INC = 3'd2,
                           OP_DEC = 3'd3, OP_NEG = 3'd4, OP_CMP = 3'd5;
    // one adder: x + (y ^ {W{inv}}) + cin covers every operation; the borrow
    // of a subtraction is the inverted carry
    logic [W-1:0] x, yb;
    logic         inv, cin;
    logic [W:0]   s;
    logic [W:0]   r;

    always_comb begin
        we  = !(op == OP_CMP || op > OP_CMP);
        x   = (op == OP_NEG) ? '0 : a;
        unique case (op)
            OP_ADD:         begin yb = b;        inv = 1'b0; cin = 1'b0; end
            OP_SUB, OP_CMP: begin yb = b;        inv = 1'b1; cin = 1'b1; end
            OP_INC:         begin yb = '0;       inv = 1'b0; cin = 1'b1; end
            OP_DEC:         begin yb = W'(1);    inv = 1'b1; cin = 1'b1; end
            OP_NEG:         begin yb = a;        inv = 1'b1; cin = 1'b1; end
            default:        begin yb = '0;       inv = 1'b0; cin = 1'b0; end
        endcase
        s = {1'b0, x} + {1'b0, yb ^ {W{inv}}} + (W+1)'(cin);
        r = {s[W] ^ inv, s[W-1:0]};
        // signed overflow of x + (yb ^ inv): operands agree in sign, result differs
        v = (op <= OP_NEG || op == OP_CMP) &&
            (x[W-1] == (yb[W-1] ^ inv)) && (s[W-1] != x[W-1]);
        y = r[W-1:0];
        c = r[W];
    end
endmodule

module acc_cpu_alu (
    input  logic        clk,
    input  logic        rst_n,
    input  logic [2:0]  op,
    input  logic [11:0] operand,
    output logic [11:0] acc,
    output logic        cf,
    output logic        vf,
    output logic        zf
);
    logic [11:0] y;
    logic        c, v, we;

    arith_unit #(.W(12)) u_alu (.op, .a(acc), .b(operand), .y, .c, .v, .we);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            acc <= '0;
            cf  <= 1'b0;
            vf  <= 1'b0;
            zf  <= 1'b1;
        end else begin
            if (we) acc <= y;
            cf <= c;
            vf <= v;
            zf <= (y == '0);
        end
    end
endmodule
