// A command register captured on `strobe` (async active-high reset to a
// nonzero idle opcode) and decoded afterwards: a case in a function maps the
// 8-bit opcode to a 3-bit unit select, and the low nibble's parity is a hint.
module cmd_reg (
    input  logic        clk,
    input  logic        rst,
    input  logic        strobe,
    input  logic [11:0] cmd_in,
    output logic [2:0]  unit,
    output logic        hint
);
    logic [11:0] cmd_q;

    function automatic logic [2:0] unit_of(input logic [7:0] op);
        case (op)
            8'h12:   unit_of = 3'b001;
            8'h34:   unit_of = 3'b010;
            8'h56:   unit_of = 3'b100;
            8'h9a:   unit_of = 3'b011;
            default: unit_of = 3'b000;
        endcase
    endfunction

    always_ff @(posedge clk or posedge rst) begin
        if (rst)         cmd_q <= 12'h0a5;
        else if (strobe) cmd_q <= cmd_in;
    end
    assign unit = unit_of(cmd_q[11:4]);
    assign hint = ^cmd_q[3:0];
endmodule
