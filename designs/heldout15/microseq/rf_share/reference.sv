// Tiny accumulator micro-sequencer for a sensor front end.
//   rf_1r1w  : register file, one read port (the ALU operand and the OUT
//              operand are never read in the same instruction)
//   seq_dec  : instruction decode
//   seq_alu  : accumulator ALU
//   micro_seq: top (accumulator, output port)
//
// instr[15:12] op, [11:9] rd, [8:6] ra, [5:3] rb, [7:0] imm
//   0 NOP  1 LDI rd<=imm  2 ADD acc+=ra  3 SUB acc-=ra  4 AND  5 XOR
//   6 LDA acc<=ra  7 STA rd<=acc  8 OUT out<=rb

module rf_1r1w #(
    parameter int NR = 4,
    parameter int DW = 16
) (
    input  logic                  clk,
    input  logic                  rst,
    input  logic                  we,
    input  logic [$clog2(NR)-1:0] waddr,
    input  logic [DW-1:0]         wdata,
    input  logic [$clog2(NR)-1:0] raddr,
    output logic [DW-1:0]         rdata
);
    logic [DW-1:0] regs [NR];

    always_ff @(posedge clk) begin
        if (rst) begin
            for (int i = 0; i < NR; i++) regs[i] <= '0;
        end else if (we) begin
            regs[waddr] <= wdata;
        end
    end

    assign rdata = regs[raddr];
endmodule

module seq_dec (
    input  logic [15:0] instr,
    input  logic        valid,
    output logic [2:0]  alu_op,
    output logic        acc_we,
    output logic        rf_we,
    output logic        rf_sel_imm,
    output logic        out_we
);
    logic [3:0] op;
    assign op = instr[15:12];

    always_comb begin
        alu_op     = 3'd0;
        acc_we     = 1'b0;
        rf_we      = 1'b0;
        rf_sel_imm = 1'b0;
        out_we     = 1'b0;
        if (valid) begin
            case (op)
                4'd1: begin rf_we = 1'b1; rf_sel_imm = 1'b1; end
                4'd2: begin acc_we = 1'b1; alu_op = 3'd1; end
                4'd3: begin acc_we = 1'b1; alu_op = 3'd2; end
                4'd4: begin acc_we = 1'b1; alu_op = 3'd3; end
                4'd5: begin acc_we = 1'b1; alu_op = 3'd4; end
                4'd6: begin acc_we = 1'b1; alu_op = 3'd0; end
                4'd7: rf_we  = 1'b1;
                4'd8: out_we = 1'b1;
                default: ;
            endcase
        end
    end
endmodule

module seq_alu #(
    parameter int DW = 16
) (
    input  logic [2:0]    op,
    input  logic [DW-1:0] acc,
    input  logic [DW-1:0] opnd,
    output logic [DW-1:0] res
);
    always_comb begin
        case (op)
            3'd1:    res = acc + opnd;
            3'd2:    res = acc - opnd;
            3'd3:    res = acc & opnd;
            3'd4:    res = acc ^ opnd;
            default: res = opnd;
        endcase
    end
endmodule

module micro_seq #(
    parameter int NR = 8,
    parameter int DW = 8
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          instr_valid,
    input  logic [15:0]   instr,
    output logic [DW-1:0] acc,
    output logic [DW-1:0] out_data,
    output logic          out_valid
);
    localparam int AW = $clog2(NR);

    logic [2:0]    alu_op;
    logic          acc_we, rf_we, rf_sel_imm, out_we;
    logic [DW-1:0] rd, alu_res, rf_wdata;
    logic [AW-1:0] raddr;

    seq_dec u_dec (
        .instr(instr), .valid(instr_valid), .alu_op(alu_op), .acc_we(acc_we),
        .rf_we(rf_we), .rf_sel_imm(rf_sel_imm), .out_we(out_we)
    );

    assign rf_wdata = rf_sel_imm ? DW'(instr[7:0]) : acc;

    assign raddr = out_we ? instr[3+AW-1:3] : instr[6+AW-1:6];

    rf_1r1w #(.NR(NR), .DW(DW)) u_rf (
        .clk(clk), .rst(rst), .we(rf_we), .waddr(instr[9+AW-1:9]), .wdata(rf_wdata),
        .raddr(raddr), .rdata(rd)
    );

    seq_alu #(.DW(DW)) u_alu (.op(alu_op), .acc(acc), .opnd(rd), .res(alu_res));

    always_ff @(posedge clk) begin
        if (rst) begin
            acc       <= '0;
            out_data  <= '0;
            out_valid <= 1'b0;
        end else begin
            out_valid <= out_we;
            if (acc_we) acc      <= alu_res;
            if (out_we) out_data <= rd;
        end
    end
endmodule

module sensor_seq (
    input  logic        clk,
    input  logic        rst,
    input  logic        instr_valid,
    input  logic [15:0] instr,
    output logic [9:0]  acc,
    output logic [9:0]  out_data,
    output logic        out_valid
);
    micro_seq #(.NR(8), .DW(10)) u_seq (.*);
endmodule
