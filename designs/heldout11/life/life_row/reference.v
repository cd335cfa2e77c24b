// Reference: each column's vertical sum (0..3) is computed once and shared by
// the three cells that see that column; a cell tests the 3x3 total
// (total == 3, or total == 4 with the cell alive), which is the Life rule.
module life_top (
    input  wire       clk,
    input  wire       load,
    input  wire [9:0] row_up,
    input  wire [9:0] row_mid,
    input  wire [9:0] row_dn,
    output reg  [9:0] row_next
);
    localparam N = 10;
    wire [N+1:0] u = {1'b0, row_up, 1'b0};
    wire [N+1:0] m = {1'b0, row_mid, 1'b0};
    wire [N+1:0] d = {1'b0, row_dn, 1'b0};
    wire [1:0] col [0:N+1];
    wire [N-1:0] nx;

    genvar i;
    generate
        for (i = 0; i < N + 2; i = i + 1) begin : g_col
            assign col[i] = u[i] + m[i] + d[i];
        end
        for (i = 0; i < N; i = i + 1) begin : g_cell
            wire [3:0] t = col[i] + col[i+1] + col[i+2];
            assign nx[i] = (t == 4'd3) | (m[i+1] & (t == 4'd4));
        end
    endgenerate

    always @(posedge clk)
        if (load) row_next <= nx;
endmodule
