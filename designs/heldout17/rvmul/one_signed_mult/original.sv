// RISC-V M-extension multiply unit (MUL, MULH, MULHSU, MULHU) for a small
// embedded core: one product per signedness, the result chosen by funct3.
module mul_decode (
    input  logic [2:0] funct3,
    output logic [1:0] op
);
    always_comb begin
        unique case (funct3)
            3'b000:  op = 2'd0;   // MUL
            3'b001:  op = 2'd1;   // MULH
            3'b010:  op = 2'd2;   // MULHSU
            default: op = 2'd3;   // MULHU
        endcase
    end
endmodule

module mul_unit #(
    parameter int XLEN = 32
) (
    input  logic [XLEN-1:0] a,
    input  logic [XLEN-1:0] b,
    input  logic [1:0]      op,
    output logic [XLEN-1:0] y
);
    logic signed [2*XLEN-1:0] p_ss;
    logic signed [2*XLEN:0]   p_su;
    logic        [2*XLEN-1:0] p_uu;
    always_comb begin
        p_ss = $signed(a) * $signed(b);
        p_su = $signed(a) * $signed({1'b0, b});
        p_uu = a * b;
        unique case (op)
            2'd0:    y = p_uu[XLEN-1:0];
            2'd1:    y = p_ss[2*XLEN-1:XLEN];
            2'd2:    y = p_su[2*XLEN-1:XLEN];
            default: y = p_uu[2*XLEN-1:XLEN];
        endcase
    end
endmodule

module mdu_stage (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       valid,
    input  logic [2:0] funct3,
    input  logic [7:0] rs1,
    input  logic [7:0] rs2,
    output logic       done,
    output logic [7:0] rd
);
    logic [1:0] op;
    logic [7:0] y;
    mul_decode          u_dec (.funct3, .op);
    mul_unit #(.XLEN(8)) u_mul (.a(rs1), .b(rs2), .op, .y);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            done <= 1'b0;
            rd   <= '0;
        end else begin
            done <= valid;
            if (valid) rd <= y;
        end
    end
endmodule
