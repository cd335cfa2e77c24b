// 7-15-15-7 smoothing of four 8-bit samples, the weights written as shift-and-subtract; the partial
// sums are elements of a wire array (one assign per stage) and the result register was declared as
// wide as the sample bus word (24 bits).
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
    wire [23:0] stage [0:4];
    assign stage[0] = 24'd0;
    assign stage[1] = stage[0] + ((s0 << 3) - s0);
    assign stage[2] = stage[1] + ((s1 << 4) - s1);
    assign stage[3] = stage[2] + ((s2 << 4) - s2);
    assign stage[4] = stage[3] + ((s3 << 3) - s3);

    always @(posedge clk) begin
        if (!rst_n)
            sum <= 24'd0;
        else if (en)
            sum <= stage[4];
    end
endmodule
