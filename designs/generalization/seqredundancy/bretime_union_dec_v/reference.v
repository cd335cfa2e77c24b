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
    reg [1:0] w_q_f3;
    reg w_q_f0;
    reg w_q_f1;
    reg w_q_f2;
    always @(posedge clk or negedge rst_n)
        if (!rst_n)   begin w_q_f0 <= (10'h0 == 10'h2c0); w_q_f1 <= (10'h0 == 10'h2c1); w_q_f2 <= (10'h0 == 10'h2c2); w_q_f3 <= 2'h0 ^ 2'h0; end
        else if (ld)  begin w_q_f0 <= (word[15:6] == 10'h2c0); w_q_f1 <= (word[15:6] == 10'h2c1); w_q_f2 <= (word[15:6] == 10'h2c2); w_q_f3 <= word[1:0] ^ word[5:4]; end
    assign grp[0] = w_q_f0;
    assign grp[1] = w_q_f1;
    assign grp[2] = w_q_f2;
    assign prio   = w_q_f3;
endmodule
