// Each instance keeps its position in binary; the Gray output is one XOR layer.
module gray_step (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    output wire [7:0] g
);
    reg [7:0] b;
    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            b <= 8'h00;
        else if (en)
            b <= b + 8'd3;
    assign g = b ^ (b >> 1);
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
