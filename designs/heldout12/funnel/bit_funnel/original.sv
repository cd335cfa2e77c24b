// Bit funnel of a bit-stream unpacker: extracts W bits starting at bit
// position 'pos' out of {next word, current word}; pos >= W yields zero.
module bit_funnel #(
    parameter int W  = 16,
    parameter int PW = 5
) (
    input  logic [W-1:0]  cur,
    input  logic [W-1:0]  nxt,
    input  logic [PW-1:0] pos,
    output logic [W-1:0]  y
);
    logic [2*W-1:0] both;
    always_comb begin
        both = {nxt, cur};
        y = '0;
        for (int i = 0; i < W; i++)
            if (pos == PW'(i))
                y = both[i +: W];
    end
endmodule

module unpacker (
    input  logic [23:0] word0,
    input  logic [23:0] word1,
    input  logic [4:0]  bitpos,
    output logic [23:0] field
);
    bit_funnel #(.W(24), .PW(5)) u_fun (.cur(word0), .nxt(word1), .pos(bitpos), .y(field));
endmodule
