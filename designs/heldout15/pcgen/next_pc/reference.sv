// Next-PC unit: one target adder with muxed base and offset, plus pc + 4.
module next_pc #(
    parameter int XLEN = 32
) (
    input  logic [XLEN-1:0] pc,
    input  logic [XLEN-1:0] rs1,
    input  logic [XLEN-1:0] imm_b,
    input  logic [XLEN-1:0] imm_j,
    input  logic [XLEN-1:0] imm_i,
    input  logic [1:0]      kind,
    input  logic            taken,
    output logic [XLEN-1:0] npc,
    output logic [XLEN-1:0] link
);
    logic            is_jalr, use_seq;
    logic [XLEN-1:0] base, off, tgt;

    assign is_jalr = (kind == 2'd3);
    assign use_seq = (kind == 2'd0) || (kind == 2'd1 && !taken);
    assign base    = is_jalr ? rs1 : pc;
    assign off     = is_jalr ? imm_i : (kind[1] ? imm_j : imm_b);
    assign tgt     = base + off;
    assign link    = pc + XLEN'(4);
    assign npc     = use_seq ? link : {tgt[XLEN-1:1], tgt[0] & ~is_jalr};
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
