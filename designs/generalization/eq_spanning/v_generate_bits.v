// Five sensor channels agree when every pair of their 6-bit codes matches: a nested generate loop writes
// one bit of a packed vector per pair, then the AND reduction gates a qualified strobe.
module chan_agree (
    input  wire        clk,
    input  wire [29:0] code,
    input  wire        qual,
    output reg         agree
);
    wire [9:0] same;
    genvar i, j;
    generate
        for (i = 0; i < 5; i = i + 1) begin : gi
            for (j = i + 1; j < 5; j = j + 1) begin : gj
                assign same[i * 4 - (i * (i + 1)) / 2 + j - 1] = code[6*i +: 6] == code[6*j +: 6];
            end
        end
    endgenerate
    always @(posedge clk)
        agree <= qual & (&same);
endmodule
