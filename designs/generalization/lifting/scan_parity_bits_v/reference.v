// Serial frame check (hand-optimized, each bit reuses the one below it): running parity of the data bits written out bit by bit (one part-select XOR
// reduction per bit).
module run_parity (
    input  wire [15:0] d,
    input  wire        inv,
    output wire [15:0] rp
);
    wire [15:0] p;
    assign p[0] = d[0];
    assign p[1] = p[0] ^ d[1];
    assign p[2] = p[1] ^ d[2];
    assign p[3] = p[2] ^ d[3];
    assign p[4] = p[3] ^ d[4];
    assign p[5] = p[4] ^ d[5];
    assign p[6] = p[5] ^ d[6];
    assign p[7] = p[6] ^ d[7];
    assign p[8] = p[7] ^ d[8];
    assign p[9] = p[8] ^ d[9];
    assign p[10] = p[9] ^ d[10];
    assign p[11] = p[10] ^ d[11];
    assign p[12] = p[11] ^ d[12];
    assign p[13] = p[12] ^ d[13];
    assign p[14] = p[13] ^ d[14];
    assign p[15] = p[14] ^ d[15];
    assign rp = p ^ {16{inv}};
endmodule
