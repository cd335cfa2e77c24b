// Signed 3-sort: three compare-exchanges; min and max need no third mux stage.
module sort3_signed (
    input  wire               clk,
    input  wire signed [11:0] x0, x1, x2,
    output reg  signed [11:0] lo, mid, hi
);
    wire               c0 = x0 < x2;
    wire signed [11:0] l0 = c0 ? x0 : x2, h0 = c0 ? x2 : x0;
    wire               c1 = l0 < x1;
    wire signed [11:0] l1 = c1 ? l0 : x1, h1 = c1 ? x1 : l0;
    wire               c2 = h1 < h0;
    always @(posedge clk) begin
        lo  <= l1;
        mid <= c2 ? h1 : h0;
        hi  <= c2 ? h0 : h1;
    end
endmodule
