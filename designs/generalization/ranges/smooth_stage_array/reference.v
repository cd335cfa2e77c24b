// 7-15-15-7 smoothing of four 8-bit samples: 7*(s0 + s3) + 15*(s1 + s2), which never exceeds
// 44 * 255: 14 bits, the upper bits of the register constant zero.
module smooth4 (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        en,
    input  wire [7:0]  s0,
    input  wire [7:0]  s1,
    input  wire [7:0]  s2,
    input  wire [7:0]  s3,
    output reg  [23:0] sum
);
    wire [8:0]  outer = s0 + s3;
    wire [8:0]  inner = s1 + s2;
    wire [11:0] outer7  = {outer, 3'b000} - outer;
    wire [12:0] inner15 = {inner, 4'b0000} - inner;
    wire [13:0] total   = outer7 + inner15;

    always @(posedge clk) begin
        if (!rst_n)
            sum <= 24'd0;
        else if (en)
            sum <= {10'd0, total};
    end
endmodule
