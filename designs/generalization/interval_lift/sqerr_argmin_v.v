// Nearest of five unevenly spaced reference levels of an unsigned 10-bit code, by squared error
// in a child module per level, then a first-wins argmin loop; the index is registered.
module sq_dist (
    input  [9:0]  a,
    input  [9:0]  ref_lvl,
    output [19:0] d2
);
    wire signed [10:0] d = $signed({1'b0, a}) - $signed({1'b0, ref_lvl});
    assign d2 = d * d;
endmodule

module level_pick (
    input            clk,
    input      [9:0] code,
    output reg [2:0] idx_q
);
    wire [49:0]  lv = {10'd900, 10'd610, 10'd400, 10'd150, 10'd40};
    wire [99:0]  dist;
    genvar g;
    generate
        for (g = 0; g < 5; g = g + 1) begin : g_d
            sq_dist u_d (.a(code), .ref_lvl(lv[g*10 +: 10]), .d2(dist[g*20 +: 20]));
        end
    endgenerate
    reg [19:0] best;
    reg [2:0]  idx;
    integer i;
    always @* begin
        best = dist[19:0];
        idx  = 3'd0;
        for (i = 1; i < 5; i = i + 1)
            if (dist[i*20 +: 20] < best) begin
                best = dist[i*20 +: 20];
                idx  = i[2:0];
            end
    end
    always @(posedge clk) idx_q <= idx;
endmodule
