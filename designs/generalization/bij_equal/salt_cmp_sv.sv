// SV: a salted hash (add a salt, swap the byte halves, invert) written as a function, applied to a
// request and compared against three stored words; a masked compare is left as it is.
module salt_cmp_sv (
    input  logic [15:0] req,
    input  logic [15:0] w0, w1, w2,
    input  logic [15:0] salt,
    input  logic [15:0] msk,
    output logic [2:0]  hit,
    output logic        mhit
);
    function automatic logic [15:0] hsh(input logic [15:0] v, input logic [15:0] s);
        logic [15:0] a;
        a = v + s;
        hsh = ~{a[7:0], a[15:8]};
    endfunction
    always_comb begin
        hit[0] = hsh(w0, salt) == hsh(req, salt);
        hit[1] = hsh(w1, salt) == hsh(req, salt);
        hit[2] = hsh(w2, salt) == hsh(req, salt);
        mhit   = (w0 & msk) == (req & msk);
    end
endmodule
