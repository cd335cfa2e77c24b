// Priority ranking: four 16-bit scores sorted largest first, compare-swap function in an always block.
module rank4_desc (
    input  wire [63:0] score_in,
    output reg  [63:0] score_out   // [15:0] = largest
);
    function [31:0] order2;        // {smaller, larger}
        input [15:0] x, y;
        order2 = (x < y) ? {x, y} : {y, x};
    endfunction
    reg [15:0] s0, s1, s2, s3;
    reg [31:0] r;
    always @* begin
        {s0, s1, s2, s3} = {score_in[15:0], score_in[31:16], score_in[47:32], score_in[63:48]};
        // selection by repeated passes (descending): bring the largest to s0
        r = order2(s2, s3); s2 = r[15:0];  s3 = r[31:16];
        r = order2(s1, s2); s1 = r[15:0];  s2 = r[31:16];
        r = order2(s0, s1); s0 = r[15:0];  s1 = r[31:16];
        r = order2(s2, s3); s2 = r[15:0];  s3 = r[31:16];
        r = order2(s1, s2); s1 = r[15:0];  s2 = r[31:16];
        r = order2(s2, s3); s2 = r[15:0];  s3 = r[31:16];
        score_out = {s3, s2, s1, s0};
    end
endmodule
