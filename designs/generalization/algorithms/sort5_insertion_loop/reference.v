// Optimal 5-input sorting network (9 compare-exchanges).
module sort5_ins (
    input  wire [29:0] pri_in,
    output wire [29:0] pri_out
);
    function [11:0] cx;            // {max, min}
        input [5:0] p, q;
        cx = (p < q) ? {q, p} : {p, q};
    endfunction
    wire [11:0] s0 = cx(pri_in[5:0],   pri_in[23:18]);          // (0,3)
    wire [11:0] s1 = cx(pri_in[11:6],  pri_in[29:24]);          // (1,4)
    wire [11:0] s2 = cx(s0[5:0],       pri_in[17:12]);          // (0,2)
    wire [11:0] s3 = cx(s1[5:0],       s0[11:6]);               // (1,3)
    wire [11:0] s4 = cx(s2[5:0],       s3[5:0]);                // (0,1)
    wire [11:0] s5 = cx(s2[11:6],      s1[11:6]);               // (2,4)
    wire [11:0] s6 = cx(s4[11:6],      s5[5:0]);                // (1,2)
    wire [11:0] s7 = cx(s3[11:6],      s5[11:6]);               // (3,4)
    wire [11:0] s8 = cx(s6[11:6],      s7[5:0]);                // (2,3)
    assign pri_out = {s7[11:6], s8[11:6], s8[5:0], s6[5:0], s4[5:0]};
endmodule
