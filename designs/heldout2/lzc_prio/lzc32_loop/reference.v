// Hierarchical LZC: 4-bit leaf counters combined pairwise (valid + count).
module lzc32 (
    input  wire [31:0] din,
    output wire [5:0]  lz,
    output wire        all_zero
);
    // level 0: 8 nibbles -> (zero flag, 2-bit count)
    wire [7:0]  z0;
    wire [15:0] c0;
    genvar g;
    wire [3:0]  z1;
    wire [11:0] c1;
    wire [1:0]  z2;
    wire [7:0]  c2;
    generate
        for (g = 0; g < 8; g = g + 1) begin : nib
            wire [3:0] n = din[4*g +: 4];
            assign z0[g] = ~|n;
            assign c0[2*g +: 2] = n[3] ? 2'd0 : n[2] ? 2'd1 : n[1] ? 2'd2 : 2'd3;
        end
        // level 1: 4 bytes -> 3-bit count
        for (g = 0; g < 4; g = g + 1) begin : byt
            wire zh = z0[2*g+1];
            assign z1[g] = zh & z0[2*g];
            assign c1[3*g +: 3] = zh ? {1'b1, c0[4*g +: 2]} : {1'b0, c0[4*g+2 +: 2]};
        end
        // level 2: 2 halves -> 4-bit count
        for (g = 0; g < 2; g = g + 1) begin : hlf
            wire zh = z1[2*g+1];
            assign z2[g] = zh & z1[2*g];
            assign c2[4*g +: 4] = zh ? {1'b1, c1[6*g +: 3]} : {1'b0, c1[6*g+3 +: 3]};
        end
    endgenerate
    assign all_zero = z2[1] & z2[0];
    assign lz = all_zero ? 6'd32 : z2[1] ? {2'b01, c2[3:0]} : {2'b00, c2[7:4]};
endmodule
