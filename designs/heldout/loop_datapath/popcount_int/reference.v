module ones_count (
    input  wire [15:0] word,
    input  wire [4:0]  thresh,
    output wire [4:0]  ones,
    output wire        dense
);
    // adder tree: 2-bit, 3-bit, 4-bit, 5-bit partial sums
    wire [1:0] p1 [0:7];
    wire [2:0] p2 [0:3];
    wire [3:0] p3 [0:1];
    genvar g;
    generate
        for (g = 0; g < 8; g = g + 1) begin : l1
            assign p1[g] = word[2*g] + word[2*g+1];
        end
        for (g = 0; g < 4; g = g + 1) begin : l2
            assign p2[g] = p1[2*g] + p1[2*g+1];
        end
        for (g = 0; g < 2; g = g + 1) begin : l3
            assign p3[g] = p2[2*g] + p2[2*g+1];
        end
    endgenerate
    assign ones  = p3[0] + p3[1];
    assign dense = ones >= thresh;
endmodule
