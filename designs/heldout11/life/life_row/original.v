// One row of a Conway's Game of Life engine. The array streams three rows
// (above, current, below) and computes the next generation of the current row.
// Every cell is an instance that counts its eight neighbours.
module life_cell (
    input  wire [2:0] up,    // {left, centre, right} of the row above
    input  wire [2:0] mid,   // {left, self, right} of the current row
    input  wire [2:0] dn,    // {left, centre, right} of the row below
    output wire       nxt
);
    wire [3:0] n = up[0] + up[1] + up[2] + mid[0] + mid[2] + dn[0] + dn[1] + dn[2];
    assign nxt = (n == 4'd3) | (mid[1] & (n == 4'd2));
endmodule

module life_row #(
    parameter N = 16
) (
    input  wire         clk,
    input  wire         load,
    input  wire [N-1:0] row_up,
    input  wire [N-1:0] row_mid,
    input  wire [N-1:0] row_dn,
    output reg  [N-1:0] row_next
);
    // dead border
    wire [N+1:0] u = {1'b0, row_up, 1'b0};
    wire [N+1:0] m = {1'b0, row_mid, 1'b0};
    wire [N+1:0] d = {1'b0, row_dn, 1'b0};
    wire [N-1:0] nx;

    genvar i;
    generate
        for (i = 0; i < N; i = i + 1) begin : g_cell
            life_cell u_cell (
                .up (u[i+2:i]),
                .mid(m[i+2:i]),
                .dn (d[i+2:i]),
                .nxt(nx[i]));
        end
    endgenerate

    always @(posedge clk)
        if (load) row_next <= nx;
endmodule

module life_top (
    input  wire       clk,
    input  wire       load,
    input  wire [9:0] row_up,
    input  wire [9:0] row_mid,
    input  wire [9:0] row_dn,
    output wire [9:0] row_next
);
    life_row #(.N(10)) u_row (.clk(clk), .load(load), .row_up(row_up),
        .row_mid(row_mid), .row_dn(row_dn), .row_next(row_next));
endmodule
