// Complex multiply-by-twiddle, signed, as an SV function returning {re, im}.
module twiddle_mul (
    input  logic signed [7:0]  xr, xi, wr, wi,
    output logic        [33:0] y
);
    function automatic logic [33:0] cmul(input logic signed [7:0] p, q, r, s);
        logic signed [16:0] t_re, t_im;
        t_re = p * r - q * s;
        t_im = q * r + p * s;
        cmul = {t_re, t_im};
    endfunction
    assign y = cmul(xr, xi, wr, wi);
endmodule
