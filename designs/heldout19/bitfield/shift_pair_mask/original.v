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
    wire [W-1:0]  aligned = src >> lsb;
    wire [LW-1:0] pad     = (W - 1) - len;
    wire [W-1:0]  up      = aligned << pad;
    assign field = up >> pad;
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
