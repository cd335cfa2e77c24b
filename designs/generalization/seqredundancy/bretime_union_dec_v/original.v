// A DMA descriptor latch: the 16-bit channel word is captured when `ld` is high
// (async active-low reset) and then only decoded: three channel-group hits and
// a 2-bit priority field folded from two nibbles.
module desc_latch (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        ld,
    input  wire [15:0] word,
    output wire [2:0]  grp,
    output wire [1:0]  prio
);
    reg [15:0] w_q;
    always @(posedge clk or negedge rst_n)
        if (!rst_n)   w_q <= 16'h0;
        else if (ld)  w_q <= word;
    assign grp[0] = (w_q[15:6] == 10'h2c0);
    assign grp[1] = (w_q[15:6] == 10'h2c1);
    assign grp[2] = (w_q[15:6] == 10'h2c2);
    assign prio   = w_q[1:0] ^ w_q[5:4];
endmodule
