// Descending 4-sort with the optimal 5-comparator network.
module rank4_desc (
    input  wire [63:0] score_in,
    output wire [63:0] score_out
);
    function [31:0] cx;            // {max, min}
        input [15:0] p, q;
        cx = (p < q) ? {q, p} : {p, q};
    endfunction
    wire [31:0] s1 = cx(score_in[15:0],  score_in[31:16]);
    wire [31:0] s2 = cx(score_in[47:32], score_in[63:48]);
    wire [31:0] s3 = cx(s1[15:0],  s2[15:0]);    // overall min in [15:0]
    wire [31:0] s4 = cx(s1[31:16], s2[31:16]);   // overall max in [31:16]
    wire [31:0] s5 = cx(s3[31:16], s4[15:0]);
    assign score_out = {s3[15:0], s5[15:0], s5[31:16], s4[31:16]};
endmodule
