// Optimal 4-input sorting network: 5 compare-exchanges (0,1)(2,3)(0,2)(1,3)(1,2).
module sort4 (
    input  wire [31:0] keys_in,
    output wire [31:0] keys_out
);
    function [15:0] cx;           // {max, min}
        input [7:0] p, q;
        cx = (p > q) ? {p, q} : {q, p};
    endfunction
    wire [7:0] a = keys_in[7:0],  b = keys_in[15:8];
    wire [7:0] c = keys_in[23:16], d = keys_in[31:24];
    wire [15:0] s1 = cx(a, b);    // s1[7:0]=min(a,b)
    wire [15:0] s2 = cx(c, d);
    wire [15:0] s3 = cx(s1[7:0],  s2[7:0]);    // overall min
    wire [15:0] s4 = cx(s1[15:8], s2[15:8]);   // overall max
    wire [15:0] s5 = cx(s3[15:8], s4[7:0]);
    assign keys_out = {s4[15:8], s5[15:8], s5[7:0], s3[7:0]};
endmodule
