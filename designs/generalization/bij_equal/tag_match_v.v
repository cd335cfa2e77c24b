// Verilog: a tag scrambler child (XOR with a key, then a rotate by a common amount) applied to the
// lookup tag and to two stored tags; the scrambled lookup tag is also an output.
module tag_scr #(parameter W = 12) (
    input  [W-1:0] t,
    input  [W-1:0] key,
    input  [3:0]   r,
    output [W-1:0] s
);
    wire [W-1:0] x = t ^ key;
    assign s = (x >> r) | (x << (W - r));
endmodule

module tag_match_v (
    input  [15:0] look,
    input  [15:0] e0,
    input  [15:0] e1,
    input  [15:0] key,
    input  [3:0]  r,
    output [15:0] look_s,
    output        h0,
    output        h1
);
    wire [15:0] s0, s1;
    tag_scr #(.W(16)) u_l (.t(look), .key(key), .r(r), .s(look_s));
    tag_scr #(.W(16)) u_0 (.t(e0), .key(key), .r(r), .s(s0));
    tag_scr #(.W(16)) u_1 (.t(e1), .key(key), .r(r), .s(s1));
    assign h0 = (s0 == look_s);
    assign h1 = (look_s != s1) ? 1'b0 : 1'b1;
endmodule
