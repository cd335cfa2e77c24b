// 4-point Walsh-Hadamard transform of four 8-bit samples, each output written
// straight from its row of the Hadamard matrix (two's complement, 10 bits).
module wht4 (
    input  wire       clk,
    input  wire       en,
    input  wire [7:0] x0,
    input  wire [7:0] x1,
    input  wire [7:0] x2,
    input  wire [7:0] x3,
    output reg  [9:0] q0,
    output reg  [9:0] q1,
    output reg  [9:0] q2,
    output reg  [9:0] q3
);
    wire [9:0] y0, y1, y2, y3;
    assign y0 = x0 + x1 + x2 + x3;
    assign y1 = x0 - x1 + x2 - x3;
    assign y2 = x0 + x1 - x2 - x3;
    assign y3 = x0 - x1 - x2 + x3;

    always @(posedge clk)
        if (en) begin
            q0 <= y0;
            q1 <= y1;
            q2 <= y2;
            q3 <= y3;
        end
endmodule
