// Bit-field extract unit: two independent field extractors on one source word.
module bf_extract #(
    parameter W  = 16,
    parameter LW = 4
) (
    input  [W-1:0]  src,
    input  [LW-1:0] lsb,    // first bit of the field
    input  [LW-1:0] len,    // field length minus one
    output [W-1:0]  field
);
    wire [W-1:0] aligned = src >> lsb;
    reg  [W-1:0] mask;
    integer i;
    always @* begin
        for (i = 0; i < W; i = i + 1)
            mask[i] = (i <= len);
    end
    assign field = aligned & mask;
endmodule

module bitfield_unit (
    input  [31:0] word,
    input  [4:0]  a_lsb,
    input  [4:0]  a_len,
    input  [4:0]  b_lsb,
    input  [4:0]  b_len,
    output [31:0] a_field,
    output [31:0] b_field
);
    bf_extract #(.W(32), .LW(5)) u_a (.src(word), .lsb(a_lsb), .len(a_len), .field(a_field));
    bf_extract #(.W(32), .LW(5)) u_b (.src(word), .lsb(b_lsb), .len(b_len), .field(b_field));
endmodule
