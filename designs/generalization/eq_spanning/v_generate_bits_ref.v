module chan_agree (
    input  wire        clk,
    input  wire [29:0] code,
    input  wire        qual,
    output reg         agree
);
    always @(posedge clk)
        agree <= qual & (code[5:0] == code[11:6]) & (code[5:0] == code[17:12])
                      & (code[5:0] == code[23:18]) & (code[5:0] == code[29:24]);
endmodule
