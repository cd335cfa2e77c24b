// 4-tap symmetric FIR filter: pre-add the symmetric taps, then multiply once per coefficient
// with shift/add (C0 = 7 = 8 - 1, C1 = 21 = 16 + 4 + 1).
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
    wire [W:0] s0 = x  + x3;
    wire [W:0] s1 = x1 + x2;

    always @(posedge clk) begin
        if (rst) begin
            x1 <= 0; x2 <= 0; x3 <= 0;
            y  <= 0;
        end else begin
            x1 <= x;
            x2 <= x1;
            x3 <= x2;
            y  <= (s0 << 3) - s0 + (s1 << 4) + (s1 << 2) + s1;
        end
    end
endmodule
