// Second-order sensor linearisation y = a*x^2 + b*x + c (coefficients from
// calibration registers), truncated to OW bits.
module poly2 #(
    parameter W  = 8,
    parameter OW = 16
) (
    input  [W-1:0]  x,
    input  [W-1:0]  a,
    input  [W-1:0]  b,
    input  [W-1:0]  c,
    output [OW-1:0] y
);
    function [OW-1:0] square;
        input [W-1:0] v;
        begin
            square = v * v;
        end
    endfunction

    wire [OW-1:0] x2 = square(x);
    wire [OW-1:0] t2 = a * x2;
    wire [OW-1:0] t1 = b * x;
    assign y = t2 + t1 + c;
endmodule

module lin_top (
    input  [5:0]  raw,
    input  [5:0]  ca,
    input  [5:0]  cb,
    input  [5:0]  cc,
    output [13:0] lin
);
    poly2 #(.W(6), .OW(14)) u_poly (.x(raw), .a(ca), .b(cb), .c(cc), .y(lin));
endmodule
