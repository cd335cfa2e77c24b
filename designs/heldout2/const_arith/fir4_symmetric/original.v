// 4-tap low-pass FIR, coefficients from a table (symmetric), 12-bit unsigned samples.
module fir4 (
    input  wire        clk,
    input  wire        rst,
    input  wire        en,
    input  wire [11:0] x,
    output reg  [17:0] y
);
    reg [11:0] taps [0:3];
    function [4:0] coef;
        input integer n;
        case (n)
            0: coef = 5'd3;
            1: coef = 5'd13;
            2: coef = 5'd13;
            default: coef = 5'd3;
        endcase
    endfunction
    integer i;
    reg [17:0] acc;
    always @* begin
        acc = 18'd0;
        for (i = 0; i < 4; i = i + 1)
            acc = acc + taps[i] * coef(i);
    end
    always @(posedge clk) begin
        if (rst) begin
            for (i = 0; i < 4; i = i + 1) taps[i] <= 12'd0;
            y <= 18'd0;
        end else if (en) begin
            taps[0] <= x;
            for (i = 1; i < 4; i = i + 1) taps[i] <= taps[i-1];
            y <= acc;
        end
    end
endmodule
