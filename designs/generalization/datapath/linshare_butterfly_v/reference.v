// Reference: the fast transform, two butterfly stages (8 add/subtract instead of 12).
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
    wire [9:0] s01 = x0 + x1, d01 = x0 - x1;
    wire [9:0] s23 = x2 + x3, d23 = x2 - x3;

    always @(posedge clk)
        if (en) begin
            q0 <= s01 + s23;
            q1 <= d01 + d23;
            q2 <= s01 - s23;
            q3 <= d01 - d23;
        end
endmodule
