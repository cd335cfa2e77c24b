// Piecewise-linear gain curve: the four segment lines are written out as wires
// first, the segment code is derived below them and picks one line.
module pwl_gain (
    input  wire [4:0] x,
    input  wire [4:0] k0, k1, k2, k3,
    input  wire [9:0] b0, b1, b2, b3,
    output wire [9:0] y
);
    wire [9:0] line0 = x * k0 + b0;
    wire [9:0] line1 = b1 + k1 * x;
    wire [9:0] line2 = k2 * x + b2;
    wire [9:0] line3 = b3 + x * k3;

    wire [1:0] seg = (x < 5'd6)  ? 2'd0 :
                     (x < 5'd12) ? 2'd1 :
                     (x < 5'd20) ? 2'd2 : 2'd3;

    assign y = (seg == 2'd0) ? line0 :
               (seg == 2'd1) ? line1 :
               (seg == 2'd2) ? line2 : line3;
endmodule
