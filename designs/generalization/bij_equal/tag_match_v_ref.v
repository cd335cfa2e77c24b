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
    tag_scr #(.W(16)) u_l (.t(look), .key(key), .r(r), .s(look_s));
    assign h0 = (e0 == look);
    assign h1 = (e1 == look);
endmodule
