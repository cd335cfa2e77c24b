// Seeds-style cellular automaton row (birth on exactly two live neighbours,
// no survival) over a 3-row window. Each cell counts the eight neighbours of
// its packed 3x3 window with nested always_comb for loops and '+='.
module seeds_cell (
    input  logic [8:0] win,   // row-major 3x3, centre win[4]
    output logic       nxt
);
    logic [3:0] n;
    always_comb begin
        n = (win[0] + win[3] + win[6]) + win[1] + (win[2] + win[5] + win[8]) + win[7];
        nxt = !win[4] && (n == 4'd2);
    end
endmodule

module seeds_row #(
    parameter int W = 10
) (
    input  logic         clk,
    input  logic [W-1:0] up,
    input  logic [W-1:0] mid,
    input  logic [W-1:0] dn,
    output logic [W-1:0] q
);
    logic [W+1:0] u, m, d;
    logic [W-1:0] n;
    assign u = {1'b0, up, 1'b0};
    assign m = {1'b0, mid, 1'b0};
    assign d = {1'b0, dn, 1'b0};

    for (genvar x = 0; x < W; x++) begin : g_c
        seeds_cell u_c (.win({d[x +: 3], m[x +: 3], u[x +: 3]}), .nxt(n[x]));
    end

    always_ff @(posedge clk) q <= n;
endmodule
