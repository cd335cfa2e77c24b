// Two quadrature-wheel position counters (Gray coded, step 3), each in its own instance.
module gray_step (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    output reg  [7:0] g
);
    function [7:0] enc;
        input [7:0] b;
        enc = b ^ (b >> 1);
    endfunction

    function [7:0] dec;
        input [7:0] x;
        begin
            dec[7] = x[7];
            dec[6] = dec[7] ^ x[6];
            dec[5] = dec[6] ^ x[5];
            dec[4] = dec[5] ^ x[4];
            dec[3] = dec[4] ^ x[3];
            dec[2] = dec[3] ^ x[2];
            dec[1] = dec[2] ^ x[1];
            dec[0] = dec[1] ^ x[0];
        end
    endfunction

    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            g <= 8'h00;
        else if (en)
            g <= enc(dec(g) + 8'd3);
endmodule

module two_wheels (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       ea,
    input  wire       eb,
    output wire [7:0] ga,
    output wire [7:0] gb,
    output wire       same
);
    gray_step u_a (.clk(clk), .rst_n(rst_n), .en(ea), .g(ga));
    gray_step u_b (.clk(clk), .rst_n(rst_n), .en(eb), .g(gb));
    assign same = (ga == gb);
endmodule
