// Reference: each column's 3-cell sum is computed once; a cell adds its left
// and right column sums and the two vertical neighbours of its own column.
module highlife_seg (
    input  wire       clk,
    input  wire       step,
    input  wire [5:0] ra,
    input  wire [5:0] rc,
    input  wire [5:0] rb,
    output reg  [5:0] rn
);
    wire [7:0] a = {1'b0, ra, 1'b0};
    wire [7:0] c = {1'b0, rc, 1'b0};
    wire [7:0] b = {1'b0, rb, 1'b0};
    wire [1:0] col [0:7];
    wire [5:0] nx;

    genvar j;
    generate
        for (j = 0; j < 8; j = j + 1) begin : g_col
            assign col[j] = a[j] + c[j] + b[j];
        end
        for (j = 0; j < 6; j = j + 1) begin : g_cell
            wire [3:0] nb = col[j] + col[j+2] + a[j+1] + b[j+1];
            assign nx[j] = c[j+1] ? (nb == 4'd2 || nb == 4'd3) : (nb == 4'd3 || nb == 4'd6);
        end
    endgenerate

    always @(posedge clk)
        if (step) rn <= nx;
endmodule
