// Serial frame check: running parity of the data bits written out bit by bit (one part-select XOR
// reduction per bit).
module run_parity (
    input  wire [15:0] d,
    input  wire        inv,
    output wire [15:0] rp
);
    wire [15:0] p;
    assign p[0] = d[0];
    assign p[1] = ^d[1:0];
    assign p[2] = ^d[2:0];
    assign p[3] = ^d[3:0];
    assign p[4] = ^d[4:0];
    assign p[5] = ^d[5:0];
    assign p[6] = ^d[6:0];
    assign p[7] = ^d[7:0];
    assign p[8] = ^d[8:0];
    assign p[9] = ^d[9:0];
    assign p[10] = ^d[10:0];
    assign p[11] = ^d[11:0];
    assign p[12] = ^d[12:0];
    assign p[13] = ^d[13:0];
    assign p[14] = ^d[14:0];
    assign p[15] = ^d[15:0];
    assign rp = p ^ {16{inv}};
endmodule
