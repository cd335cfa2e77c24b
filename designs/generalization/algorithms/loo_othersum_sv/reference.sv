// Fair-share scheduler: each of six queues is told the total backlog of the OTHER queues (its
// competition). Nested loops add every queue's depth masked off for the own queue (six sums of
// five words), and the parity of the other queues' urgent flags.
module others_load #(
    parameter int Q = 6,
    parameter int W = 8
) (
    input  logic [Q-1:0][W-1:0] depth,
    input  logic [Q-1:0]        urgent,
    output logic [Q-1:0][W+2:0] rivals,
    output logic [Q-1:0]        upar
);
    // the total once; each queue's rivals are the total minus its own depth (modulo 2^(W+3), exact
    // as the sum of the others); the parity once, the own flag removed by XOR
    logic [W+2:0] total;
    logic         par;
    always_comb begin
        total = '0;
        par   = 1'b0;
        for (int r = 0; r < Q; r++) begin
            total += (W+3)'(depth[r]);
            par   ^= urgent[r];
        end
        for (int q = 0; q < Q; q++) begin
            rivals[q] = total - (W+3)'(depth[q]);
            upar[q]   = par ^ urgent[q];
        end
    end
endmodule

module fair_share (
    input  logic [5:0][7:0]  qd,
    input  logic [5:0]       qu,
    output logic [5:0][10:0] comp,
    output logic [5:0]       cpar
);
    others_load #(.Q(6), .W(8)) u_ol (.depth(qd), .urgent(qu), .rivals(comp), .upar(cpar));
endmodule
