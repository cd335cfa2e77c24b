// Comparator for 8-bit minifloats (sign, EW exponent bits, MW mantissa bits,
// subnormals, no inf/NaN): both operands are expanded to fixed point and the
// signed values compared; +0 and -0 compare equal.
module fp8_to_fix #(
    parameter int EW = 4,
    parameter int MW = 3,
    parameter int FW = MW + 1 + (1 << EW)
) (
    input  logic [EW+MW:0] f,
    output logic           neg,
    output logic [FW-1:0]  mag
);
    logic [EW-1:0] e;
    logic [MW-1:0] m;
    logic [MW:0]   sig;

    always_comb begin
        e   = f[EW+MW-1:MW];
        m   = f[MW-1:0];
        neg = f[EW+MW];
        if (e == '0) begin
            sig = {1'b0, m};
            mag = FW'(sig);
        end else begin
            sig = {1'b1, m};
            mag = FW'(sig) << (e - 1);
        end
    end
endmodule

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
    localparam int FW = MW + 1 + (1 << EW);
    logic          an, bn;
    logic [FW-1:0] am, bm;
    logic          mlt, meq, both_zero;

    fp8_to_fix #(.EW(EW), .MW(MW)) u_a (.f(a), .neg(an), .mag(am));
    fp8_to_fix #(.EW(EW), .MW(MW)) u_b (.f(b), .neg(bn), .mag(bm));

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
