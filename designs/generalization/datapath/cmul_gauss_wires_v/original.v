// Registered complex product (a + jb)(c + jd) with the four real products as named wires.
module cmul_reg #(parameter W = 7) (
    input                      clk,
    input  signed [W-1:0]      a, b, c, d,
    output reg signed [2*W:0]  re, im
);
    wire signed [2*W:0] ac = a * c;
    wire signed [2*W:0] bd = b * d;
    wire signed [2*W:0] ad = a * d;
    wire signed [2*W:0] bc = b * c;
    always @(posedge clk) begin
        re <= ac - bd;
        im <= ad + bc;
    end
endmodule
