// Gauss form: k = r*(p+q); re = k - q*(r+s); im = k + p*(s-r).
module twiddle_mul (
    input  logic signed [7:0]  xr, xi, wr, wi,
    output logic        [33:0] y
);
    logic signed [16:0] pq, rs, sr;  // pre-adds as wide as the products (synthesis trims them)
    logic signed [16:0] k, t_re, t_im;
    always_comb begin
        pq   = xr + xi;
        rs   = wr + wi;
        sr   = wi - wr;
        k    = wr * pq;
        t_re = k - xi * rs;
        t_im = k + xr * sr;
        y    = {t_re, t_im};
    end
endmodule
