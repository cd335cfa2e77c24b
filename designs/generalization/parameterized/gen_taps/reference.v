// Decimating polyphase sum with the coefficients (7, 15, 14, 31) written as 2^k - m:
// 8*x0 + 16*(x1 + x2) + 32*x3 - (x0 + x1 + 2*x2 + x3), one subtraction instead of
// four multiplier partial-product trees.
module poly_sum #(
    parameter W     = 10,
    parameter TAPS  = 4,
    parameter [8*TAPS-1:0] COEF = {8'd31, 8'd14, 8'd15, 8'd7}
) (
    input  wire                clk,
    input  wire                rst,
    input  wire [W*TAPS-1:0]   x,
    output reg  [W+9:0]        y
);
    wire [W-1:0] x0 = x[0*W +: W];
    wire [W-1:0] x1 = x[1*W +: W];
    wire [W-1:0] x2 = x[2*W +: W];
    wire [W-1:0] x3 = x[3*W +: W];
    wire [W:0]   s12 = x1 + x2;
    wire [W+6:0] pos = {x0, 3'b000} + {s12, 4'b0000} + {x3, 5'b00000};
    wire [W+2:0] neg = x0 + x1 + {x2, 1'b0} + x3;

    always @(posedge clk) begin
        if (rst) y <= 0;
        else     y <= pos - neg;
    end
endmodule
