// 4-tap symmetric FIR filter with the coefficients as parameters.
module fir4 #(
    parameter W  = 12,
    parameter C0 = 7,
    parameter C1 = 21
) (
    input  wire           clk,
    input  wire           rst,
    input  wire [W-1:0]   x,
    output reg  [W+6:0]   y
);
    reg [W-1:0] x1, x2, x3;

    always @(posedge clk) begin
        if (rst) begin
            x1 <= 0; x2 <= 0; x3 <= 0;
            y  <= 0;
        end else begin
            x1 <= x;
            x2 <= x1;
            x3 <= x2;
            y  <= C0 * x + C1 * x1 + C1 * x2 + C0 * x3;
        end
    end
endmodule
