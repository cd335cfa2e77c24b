// Symbol monitor: the parity of the line kept in one flip-flop, updated by the
// symbol entering and the symbol leaving.
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

module sym_mon (
    input  logic       clk,
    input  logic       srst,
    input  logic [1:0] sym,
    output logic       acc,
    output logic       hit
);
    logic [19:0] line;
    sym_line #(.D(10)) u_l (.*);
    always_ff @(posedge clk)
        if (srst) acc <= 1'b0;
        else acc <= acc ^ (^sym) ^ (^line[19:18]);
    assign hit = acc ^ sym[0];
endmodule
