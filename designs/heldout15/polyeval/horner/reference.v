// Second-order polynomial in Horner form: y = (a*x + b)*x + c.
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
    wire [OW-1:0] h = a * x + b;
    assign y = h * x + c;
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
