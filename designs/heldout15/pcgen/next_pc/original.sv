// Next-PC unit of a small RV32-style core (decoded immediates come in).
module next_pc #(
    parameter int XLEN = 32
) (
    input  logic [XLEN-1:0] pc,
    input  logic [XLEN-1:0] rs1,
    input  logic [XLEN-1:0] imm_b,
    input  logic [XLEN-1:0] imm_j,
    input  logic [XLEN-1:0] imm_i,
    input  logic [1:0]      kind,    // 0: sequential, 1: branch, 2: jal, 3: jalr
    input  logic            taken,
    output logic [XLEN-1:0] npc,
    output logic [XLEN-1:0] link
);
    logic [XLEN-1:0] seq_pc, br_pc, jal_pc, jalr_pc;

    assign seq_pc  = pc + XLEN'(4);
    assign br_pc   = pc + imm_b;
    assign jal_pc  = pc + imm_j;
    assign jalr_pc = (rs1 + imm_i) & {{(XLEN-1){1'b1}}, 1'b0};
    assign link    = seq_pc;

    always_comb begin
        unique case (kind)
            2'd0: npc = seq_pc;
            2'd1: npc = taken ? br_pc : seq_pc;
            2'd2: npc = jal_pc;
            2'd3: npc = jalr_pc;
        endcase
    end
endmodule

module fetch_ctl (
    input  logic [15:0] pc,
    input  logic [15:0] rs1,
    input  logic [15:0] imm_b,
    input  logic [15:0] imm_j,
    input  logic [15:0] imm_i,
    input  logic [1:0]  kind,
    input  logic        taken,
    output logic [15:0] npc,
    output logic [15:0] link
);
    next_pc #(.XLEN(16)) u_npc (.*);
endmodule
