module trimmer #(parameter int W = 24) (
    input  logic [W-1:0] s,
    input  logic [4:0]   keep,
    output logic [W-1:0] t
);
    logic [4:0] amt;
    always_comb begin
        amt = 5'(W) - keep;
        t   = s & ({W{1'b1}} >> amt);
    end
endmodule

module trim_sv (
    input  logic [23:0] smp,
    input  logic [4:0]  k,
    output logic [23:0] out
);
    trimmer #(.W(24)) u_t (.s(smp), .keep(k), .t(out));
endmodule
