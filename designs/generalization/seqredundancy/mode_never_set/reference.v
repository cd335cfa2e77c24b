module mode_alu (
    input            clk,
    input            rst,
    input            go,
    input      [7:0] a,
    input      [7:0] b,
    output reg [7:0] y
);
    always @(posedge clk)
        y <= a + b;
endmodule
