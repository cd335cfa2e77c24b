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
    logic [W:0] r;

    always_comb begin
        we = 1'b1;
        v  = 1'b0;
        unique case (op)
            OP_ADD: begin
                r = {1'b0, a} + {1'b0, b};
                v = (a[W-1] == b[W-1]) && (r[W-1] != a[W-1]);
            end
            OP_SUB: begin
                r = {1'b0, a} - {1'b0, b};
                v = (a[W-1] != b[W-1]) && (r[W-1] != a[W-1]);
            end
            OP_INC: begin
                r = {1'b0, a} + 1'b1;
                v = !a[W-1] && r[W-1];
            end
            OP_DEC: begin
                r = {1'b0, a} - 1'b1;
                v = a[W-1] && !r[W-1];
            end
            OP_NEG: begin
                r = {(W+1){1'b0}} - {1'b0, a};
                v = a[W-1] && r[W-1];
            end
            OP_CMP: begin
                r  = {1'b0, a} - {1'b0, b};
                v  = (a[W-1] != b[W-1]) && (r[W-1] != a[W-1]);
                we = 1'b0;
            end
            default: begin
                r  = {1'b0, a};
                we = 1'b0;
            end
        endcase
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
