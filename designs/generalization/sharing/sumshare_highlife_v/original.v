// HighLife (B36/S23) update of a 6-cell row segment with fixed dead edges.
// One explicit instance per cell (Verilog-2001, no generate), each taking its
// 3x3 neighbourhood as one packed 9-bit window built by concatenation
// ({below, centre row, above}, 3 bits each) and counting its eight neighbours.
module hl_cell (
    input  wire [8:0] win,
    output wire       alive
);
    wire [3:0] nb = win[0] + win[1] + win[2] + win[3] + win[5] + win[6] + win[7] + win[8];
    wire       me = win[4];
    assign alive = me ? (nb == 4'd2 || nb == 4'd3) : (nb == 4'd3 || nb == 4'd6);
endmodule

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
    wire [5:0] nx;

    hl_cell c0 (.win({b[2:0], c[2:0], a[2:0]}), .alive(nx[0]));
    hl_cell c1 (.win({b[3:1], c[3:1], a[3:1]}), .alive(nx[1]));
    hl_cell c2 (.win({b[4:2], c[4:2], a[4:2]}), .alive(nx[2]));
    hl_cell c3 (.win({b[5:3], c[5:3], a[5:3]}), .alive(nx[3]));
    hl_cell c4 (.win({b[6:4], c[6:4], a[6:4]}), .alive(nx[4]));
    hl_cell c5 (.win({b[7:5], c[7:5], a[7:5]}), .alive(nx[5]));

    always @(posedge clk)
        if (step) rn <= nx;
endmodule
