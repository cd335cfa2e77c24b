module rx_stage (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        vld,
    input  wire [15:0] din,
    output wire [15:0] to_fifo,
    output wire        to_crc,
    output wire [3:0]  to_cnt
);
    reg [15:0] q;
    always @(posedge clk or negedge rst_n)
        if (!rst_n)   q <= 16'h0000;
        else if (vld) q <= din;
    assign to_fifo = q;
    assign to_crc  = ^q;
    assign to_cnt  = q[3:0] + q[7:4];
endmodule
