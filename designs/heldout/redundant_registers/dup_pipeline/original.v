module pipe_reg #(parameter W = 16) (
    input  wire         clk,
    input  wire         rst_n,
    input  wire         en,
    input  wire [W-1:0] d,
    output reg  [W-1:0] q
);
    always @(posedge clk or negedge rst_n)
        if (!rst_n)  q <= {W{1'b0}};
        else if (en) q <= d;
endmodule

module rx_stage (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        vld,
    input  wire [15:0] din,
    output wire [15:0] to_fifo,
    output wire        to_crc,
    output wire [3:0]  to_cnt
);
    wire [15:0] copy_a, copy_b;
    pipe_reg #(.W(16)) u_a (.clk(clk), .rst_n(rst_n), .en(vld), .d(din), .q(copy_a));
    pipe_reg #(.W(16)) u_b (.clk(clk), .rst_n(rst_n), .en(vld), .d(din), .q(copy_b));

    reg [15:0] copy_c;   // third copy, written in the parent
    always @(posedge clk or negedge rst_n)
        if (!rst_n)   copy_c <= 16'h0000;
        else if (vld) copy_c <= din;

    assign to_fifo = copy_a;
    assign to_crc  = ^copy_b;
    assign to_cnt  = copy_c[3:0] + copy_b[7:4];
endmodule
