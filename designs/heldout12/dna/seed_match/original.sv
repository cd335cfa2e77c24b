// Seed matcher of a short-read aligner: compares NB 2-bit bases of a read
// with a reference window and flags exact hits and hits with one mismatch.
module seed_cmp #(
    parameter int NB = 16
) (
    input  logic [2*NB-1:0] read_q,
    input  logic [2*NB-1:0] ref_q,
    output logic            exact,
    output logic            one_mm
);
    logic [$clog2(NB+1)-1:0] mm;
    always_comb begin
        mm = '0;
        for (int i = 0; i < NB; i++)
            mm += (read_q[2*i +: 2] != ref_q[2*i +: 2]);
        exact  = (mm == 0);
        one_mm = (mm <= 1);
    end
endmodule

module seed_match (
    input  logic [23:0] read_q,
    input  logic [23:0] ref_q,
    output logic        hit_exact,
    output logic        hit_1mm
);
    seed_cmp #(.NB(12)) u_cmp (.read_q, .ref_q, .exact(hit_exact), .one_mm(hit_1mm));
endmodule
