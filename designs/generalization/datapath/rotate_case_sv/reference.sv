// One rotator: left by sh, or by -sh for the right rotate; pass otherwise.
module bitrot (
    input  logic [7:0] a,
    input  logic [2:0] sh,
    input  logic [1:0] op,
    output logic [7:0] y
);
    logic [2:0] k;
    logic [7:0] t0, t1, t2;
    always_comb begin
        k  = (op == 2'd2) ? 3'(-sh) : sh;
        t0 = k[0] ? {a[6:0], a[7]} : a;
        t1 = k[1] ? {t0[5:0], t0[7:6]} : t0;
        t2 = k[2] ? {t1[3:0], t1[7:4]} : t1;
        y  = (op == 2'd1 || op == 2'd2) ? t2 : a;
    end
endmodule
