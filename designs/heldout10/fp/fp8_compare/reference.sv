// Comparator for 8-bit minifloats (sign, EW exponent bits, MW mantissa bits,
// subnormals, no inf/NaN): the value is monotonic in the {exponent, mantissa}
// code, so the magnitudes compare as plain integers; +0 and -0 compare equal.
module fp8_cmp #(
    parameter int EW = 4,
    parameter int MW = 3
) (
    input  logic [EW+MW:0] a,
    input  logic [EW+MW:0] b,
    output logic           lt,
    output logic           eq,
    output logic           gt
);
    logic             an, bn;
    logic [EW+MW-1:0] am, bm;
    logic             mlt, meq, both_zero;

    assign an = a[EW+MW];
    assign bn = b[EW+MW];
    assign am = a[EW+MW-1:0];
    assign bm = b[EW+MW-1:0];

    always_comb begin
        mlt       = am < bm;
        meq       = am == bm;
        both_zero = (am == '0) && (bm == '0);
        if (both_zero) begin
            lt = 1'b0; eq = 1'b1; gt = 1'b0;
        end else if (an != bn) begin
            lt = an; eq = 1'b0; gt = bn;
        end else if (!an) begin
            lt = mlt; eq = meq; gt = !mlt && !meq;
        end else begin
            lt = !mlt && !meq; eq = meq; gt = mlt;
        end
    end
endmodule

module e5m2_cmp (
    input  logic [7:0] a,
    input  logic [7:0] b,
    output logic       lt,
    output logic       eq,
    output logic       gt
);
    fp8_cmp #(.EW(5), .MW(2)) u_cmp (.*);
endmodule
