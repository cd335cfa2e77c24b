// Symbol monitor: a line of ten 2-bit symbols (unpacked array, synchronous reset,
// no enable) flattened to a port; a sibling child takes the parity of the whole line every cycle.
module sym_line #(parameter int D = 10) (
    input  logic           clk,
    input  logic           srst,
    input  logic [1:0]     sym,
    output logic [2*D-1:0] line
);
    logic [1:0] st [D];
    always_ff @(posedge clk) begin
        if (srst) for (int i = 0; i < D; i++) st[i] <= 2'b00;
        else begin
            st[0] <= sym;
            for (int i = 1; i < D; i++) st[i] <= st[i-1];
        end
    end
    always_comb for (int i = 0; i < D; i++) line[2*i +: 2] = st[i];
endmodule

module line_xor #(parameter int D = 10) (
    input  logic [2*D-1:0] line,
    output logic           acc
);
    function automatic logic fold(input logic [2*D-1:0] v);
        fold = '0;
        for (int i = 0; i < D; i++) fold ^= ^v[2*i +: 2];
    endfunction
    assign acc = fold(line);
endmodule

module sym_mon (
    input  logic       clk,
    input  logic       srst,
    input  logic [1:0] sym,
    output logic       acc,
    output logic       hit
);
    logic [19:0] line;
    sym_line #(.D(10)) u_l (.*);
    line_xor #(.D(10)) u_x (.*);
    assign hit = acc ^ sym[0];
endmodule
