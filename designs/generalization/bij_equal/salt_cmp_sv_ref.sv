module salt_cmp_sv (
    input  logic [15:0] req,
    input  logic [15:0] w0, w1, w2,
    input  logic [15:0] salt,
    input  logic [15:0] msk,
    output logic [2:0]  hit,
    output logic        mhit
);
    assign hit  = {w2 == req, w1 == req, w0 == req};
    assign mhit = (w0 & msk) == (req & msk);
endmodule
