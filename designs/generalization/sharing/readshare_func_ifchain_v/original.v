// The accumulator core of readshare_acc_case_v restyled: the register file is one packed vector,
// read through a function (an indexed part select), the opcodes an if / else-if chain on decode
// wires, the ALU operand a continuous assignment and the port value read in its own branch.
module readshare_func_ifchain_v (
    input  wire        clk,
    input  wire        rst,
    input  wire [2:0]  op,
    input  wire [1:0]  rd,
    input  wire [1:0]  ra,
    input  wire [1:0]  rb,
    input  wire [11:0] imm,
    output reg  [11:0] acc,
    output reg  [11:0] port,
    output reg         port_stb
);
    reg [47:0] file;

    function [11:0] word;
        input [47:0] v;
        input [1:0]  i;
        word = v[i*12 +: 12];
    endfunction

    wire is_ld  = op == 3'd1;
    wire is_add = op == 3'd2;
    wire is_mov = op == 3'd4;
    wire is_put = op == 3'd5;
    wire is_st  = op == 3'd6;
    wire [11:0] opnd = word(file, ra);

    always @(posedge clk) begin
        if (rst) begin
            file     <= 48'd0;
            acc      <= 12'd0;
            port     <= 12'd0;
            port_stb <= 1'b0;
        end else begin
            port_stb <= is_put;
            if (is_ld)
                file[rd*12 +: 12] <= imm;
            else if (is_st)
                file[rd*12 +: 12] <= acc;
            else if (is_add)
                acc <= acc + opnd;
            else if (is_mov)
                acc <= opnd;
            else if (is_put)
                port <= word(file, rb);
        end
    end
endmodule
