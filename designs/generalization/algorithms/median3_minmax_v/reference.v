// Median filter over two 8-bit channels: three comparisons side by side and two muxes per channel
// (b when a<b and b<c agree, else a when a<b and a<c differ, else c); the results are registered.
module med3_minmax (
    input  wire       clk,
    input  wire [7:0] a0, b0, c0, a1, b1, c1,
    output reg  [7:0] y0, y1
);
    wire ab0 = a0 < b0, bc0 = b0 < c0, ac0 = a0 < c0;
    wire ab1 = a1 < b1, bc1 = b1 < c1, ac1 = a1 < c1;
    wire [7:0] m0 = (ab0 == bc0) ? b0 : ((ab0 != ac0) ? a0 : c0);
    wire [7:0] m1 = (ab1 == bc1) ? b1 : ((ab1 != ac1) ? a1 : c1);

    always @(posedge clk) begin
        y0 <= m0;
        y1 <= m1;
    end
endmodule
