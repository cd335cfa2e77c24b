// SV: a child negates under a polarity bit at the product width; the parent multiplies two of them
// (same polarity) and, separately, the plain negations of both operands.
module pneg #(parameter int W = 12) (
    input  logic signed [W-1:0] x,
    input  logic                s,
    output logic signed [W-1:0] y
);
    always_comb y = s ? -x : x;
endmodule

module sign_pair_sv (
    input  logic signed [5:0]  a, b,
    input  logic               pol,
    output logic signed [11:0] p,
    output logic signed [11:0] q
);
    logic signed [11:0] ya, yb;
    pneg #(.W(12)) u_a (.x(12'(a)), .s(pol), .y(ya));
    pneg #(.W(12)) u_b (.x(12'(b)), .s(pol), .y(yb));
    always_comb begin
        p = ya * yb;
        q = (-a) * (-b);
    end
endmodule
