// Three products (Gauss): k = c*(a+b); re = k - b*(c+d); im = k + a*(d-c).
module cmul_reg #(parameter W = 7) (
    input                      clk,
    input  signed [W-1:0]      a, b, c, d,
    output reg signed [2*W:0]  re, im
);
    wire signed [W:0]   ab  = a + b;
    wire signed [W:0]   cd  = c + d;
    wire signed [W:0]   dc  = d - c;
    wire signed [2*W:0] k   = c * ab;
    wire signed [2*W:0] bcd = b * cd;
    wire signed [2*W:0] adc = a * dc;
    always @(posedge clk) begin
        re <= k - bcd;
        im <= k + adc;
    end
endmodule
